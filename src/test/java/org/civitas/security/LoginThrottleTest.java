package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.civitas.base.identity.AppRoles;
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

/** Failed logins slow down per account and address and per address; nobody can lock an account (DD021). */
@IntegrationTest
class LoginThrottleTest {

    static final String PASSWORD = "Throttle-Test-2026";
    static final String WRONG = "Wrong-Password-2026";

    @Autowired WebApplicationContext context;
    @Autowired UserService users;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    MockMvc mvc;
    String username;
    long userId;
    /** A network of its own per test, so that no test shares an address's counts with another. */
    String net;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        username = "throttle" + System.nanoTime();
        userId = RunAs.user("admin", () -> users.create(new UserForm(username, "Throttled One",
                Set.of(AppRoles.OPERATOR), null, null, true, PASSWORD)), AppRoles.ADMIN).id();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        net = "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + ".";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_right_password_logs_in_and_is_audited() throws Exception {
        assertThat(login(PASSWORD, net + 1)).isTrue();
        assertThat(auditCount("LOGIN_SUCCEEDED")).isEqualTo(1);
    }

    @Test
    void after_three_failures_the_same_address_waits_a_second_then_twice_as_long_each_time() throws Exception {
        String address = net + 1;
        for (int i = 0; i < 3; i++) {
            assertThat(login(WRONG, address)).isFalse();
        }
        assertThat(login(PASSWORD, address)).as("the fourth attempt comes too soon: refused unchecked").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(WRONG, address)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(PASSWORD, address)).as("after four failures the wait is two seconds").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(PASSWORD, address)).as("two seconds after the last failure").isTrue();
        assertThat(auditCount("LOGIN_THROTTLED")).isEqualTo(2);
        assertThat(auditCount("LOGIN_FAILED")).as("a throttled attempt is answered like a wrong one").isEqualTo(6);

        assertThat(login(WRONG, address)).isFalse();
        assertThat(login(PASSWORD, address)).as("a success starts the address afresh").isTrue();
    }

    @Test
    void a_flood_of_wrong_passwords_from_other_addresses_does_not_keep_the_owner_out() throws Exception {
        for (int a = 1; a <= 10; a++) {
            for (int i = 0; i < 4; i++) {
                login(WRONG, net + a);
            }
        }
        for (int i = 0; i < 30; i++) {
            login(WRONG, net + 99);
        }
        assertThat(login(PASSWORD, net + 200)).as("the owner's own address, at once").isTrue();
        assertThat(login(PASSWORD, net + 99)).as("the flooding address stays slowed").isFalse();
    }

    @Test
    void an_account_is_never_locked_whoever_waits_out_each_delay_may_try_again() throws Exception {
        String address = net + 1;
        // twelve failures, each after the wait the one before asked for: 0, 0, 0, 1, 2, 4 ... 256 seconds
        for (int failures = 1; failures <= 12; failures++) {
            assertThat(login(WRONG, address)).isFalse();
            clock.advance(Duration.ofSeconds(failures < 3 ? 0 : 1L << (failures - 3)));
        }
        assertThat(auditCount("LOGIN_THROTTLED")).as("no attempt came too soon").isZero();
        assertThat(login(PASSWORD, address)).as("about nine minutes after the first failure").isTrue();
    }

    @Test
    void an_address_that_fails_for_many_accounts_is_held_back_for_every_account() throws Exception {
        String address = net + 7;
        for (int i = 0; i < 20; i++) {
            assertThat(login("nobody" + i + "-" + System.nanoTime(), WRONG, address)).isFalse();
        }
        assertThat(login(PASSWORD, address)).as("the address has spent its failures").isFalse();
        assertThat(login(PASSWORD, net + 8)).as("another address is not affected").isTrue();
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(login(PASSWORD, address)).as("one failure's worth refills in three minutes").isTrue();
    }

    @Test
    void an_administrator_lifts_the_waits_of_an_account() throws Exception {
        String address = net + 1;
        for (int i = 0; i < 6; i++) {
            login(WRONG, address);
        }
        assertThat(login(PASSWORD, address)).isFalse();
        RunAs.user("admin", () -> users.unlock(userId), AppRoles.ADMIN);
        assertThat(login(PASSWORD, address)).isTrue();
        assertThat(auditCount("USER_UNLOCKED")).isEqualTo(1);

        for (int i = 0; i < 6; i++) {
            login(WRONG, address);
        }
        RunAs.user("secadmin", () -> { accounts.unlock(username); return null; }, AppRoles.SECURITY_ADMIN);
        assertThat(login(PASSWORD, address)).isTrue();
    }

    private boolean login(String password, String address) throws Exception {
        return login(username, password, address);
    }

    private boolean login(String name, String password, String address) throws Exception {
        var result = mvc.perform(post("/login").param("username", name).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return location != null && !location.contains("error");
    }

    private int auditCount(String action) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and (actor = ? or target_id = ?)",
                Integer.class, action, username, String.valueOf(userId));
    }
}
