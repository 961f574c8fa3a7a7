package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The administrators and security administrators hear of a burst of failed logins once, not at every failure. */
@IntegrationTest
class LoginBurstTest {

    @Autowired StepAwareAuthenticationProvider provider;
    @Autowired UserService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    String admin;
    String securityAdmin;
    String operator;
    String net;

    @BeforeEach
    void setUp() {
        admin = create("burstadm", AppRoles.ADMIN);
        securityAdmin = create("burstsec", AppRoles.SECURITY_ADMIN);
        operator = create("burstop", AppRoles.OPERATOR);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        net = "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + ".";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_burst_against_one_account_is_announced_once_to_each_administrator() {
        String target = "target" + System.nanoTime();
        // 30 failures from ten addresses, with no pause: one burst
        for (int a = 0; a < 10; a++) {
            for (int i = 0; i < 3; i++) {
                fail(target, net + a);
            }
        }
        assertThat(notices(admin, "notify.loginBurst.account", target)).isEqualTo(1);
        assertThat(notices(securityAdmin, "notify.loginBurst.account", target)).isEqualTo(1);
        assertThat(notices(operator, "notify.loginBurst.account", target)).as("only administrators").isZero();
        assertThat(audits("LOGIN_BURST", target)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        for (int a = 10; a < 14; a++) {
            for (int i = 0; i < 3; i++) {
                fail(target, net + a);
            }
        }
        assertThat(notices(admin, "notify.loginBurst.account", target)).as("after a pause, a new burst").isEqualTo(2);
    }

    @Test
    void a_burst_from_one_address_is_announced_once() {
        String address = net + 77;
        for (int i = 0; i < 25; i++) {
            fail("sprayed" + i + "-" + System.nanoTime(), address);
        }
        assertThat(notices(admin, "notify.loginBurst.address", address)).isEqualTo(1);
        assertThat(notices(securityAdmin, "notify.loginBurst.address", address)).isEqualTo(1);
    }

    private void fail(String name, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, "Wrong-Password-2026");
        token.setDetails(new WebAuthenticationDetails(address, null));
        try {
            provider.authenticate(token);
        } catch (AuthenticationException expected) {
            // every attempt fails: the name does not exist
        }
    }

    private int notices(String recipient, String key, String about) {
        return jdbc.queryForObject("select count(*) from notification where recipient = ? and kind = 'SECURITY'"
                + " and message_key = ? and message_args like ?", Integer.class, recipient, key, "%" + about + "%");
    }

    private int audits(String action, String actor) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and actor = ?", Integer.class,
                action, actor);
    }

    private String create(String prefix, String role) {
        String name = prefix + System.nanoTime();
        RunAs.user("admin", () -> users.create(new UserForm(name, "Alarm Watcher", Set.of(role), null, null, true,
                "Burst-Notice-2026")), AppRoles.ADMIN);
        return name;
    }
}
