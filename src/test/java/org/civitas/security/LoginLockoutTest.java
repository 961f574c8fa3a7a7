package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Set;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class LoginLockoutTest {

    static final String PASSWORD = "Lockout-Test-2026";

    @Autowired WebApplicationContext context;
    @Autowired UserService users;
    @Autowired AppUserRepository repository;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    MockMvc mvc;
    String username;
    long userId;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        username = "lockout" + System.nanoTime();
        userId = RunAs.user("admin", () -> users.create(new UserForm(username, "Lockout",
                Set.of(AppRoles.OPERATOR), null, null, true, PASSWORD)), AppRoles.ADMIN).id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_right_password_logs_in_and_is_audited() throws Exception {
        assertThat(login(PASSWORD)).isTrue();
        assertThat(auditCount("LOGIN_SUCCEEDED")).isEqualTo(1);
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_fifteen_minutes() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(login("wrong-password")).isFalse();
        }
        assertThat(login(PASSWORD)).as("four failures do not lock").isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(login("wrong-password")).isFalse();
        }
        assertThat(login(PASSWORD)).as("locked after five failures").isFalse();
        assertThat(auditCount("ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(auditCount("LOGIN_FAILED")).isEqualTo(10);

        clock.advance(Duration.ofMinutes(14));
        assertThat(login(PASSWORD)).as("still locked after 14 minutes").isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(login(PASSWORD)).as("unlocked after 15 minutes").isTrue();
    }

    @Test
    void an_administrator_unlocks_a_locked_account() throws Exception {
        for (int i = 0; i < 5; i++) {
            login("wrong-password");
        }
        assertThat(login(PASSWORD)).isFalse();
        RunAs.user("admin", () -> users.unlock(userId), AppRoles.ADMIN);
        assertThat(login(PASSWORD)).isTrue();
        assertThat(auditCount("USER_UNLOCKED")).isEqualTo(1);
    }

    private boolean login(String password) throws Exception {
        var result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return location != null && !location.contains("error");
    }

    private int auditCount(String action) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and (actor = ? or target_id = ?)",
                Integer.class, action, username, String.valueOf(userId));
    }
}
