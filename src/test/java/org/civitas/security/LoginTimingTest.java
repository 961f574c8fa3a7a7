package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Through the whole login chain, a throttled attempt and an unknown name take as long as a wrong password (the hash
 * dominates): medians of interleaved rounds, so that load on the machine falls on all three alike. The old lock
 * answered in a tenth of the time.
 */
@IntegrationTest
class LoginTimingTest {

    static final int ROUNDS = 9;

    @Autowired WebApplicationContext context;
    @Autowired UserService users;

    @Test
    void unknown_wrong_and_throttled_logins_take_about_as_long() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String name = "timing" + System.nanoTime();
        String password = "Clock-Watcher-2026";
        RunAs.user("admin", () -> users.create(new UserForm(name, "Time Keeper", Set.of(AppRoles.OPERATOR), null,
                null, true, password)), AppRoles.ADMIN);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String net = "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + ".";
        String throttledAddress = net + 250;
        for (int i = 0; i < 3; i++) {
            login(mvc, name, "Not-It-At-All-1", throttledAddress);
        }
        long[] unknown = new long[ROUNDS];
        long[] wrong = new long[ROUNDS];
        long[] throttled = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            // a fresh address per wrong attempt, so that it is never throttled itself
            wrong[i] = login(mvc, name, "Not-It-At-All-1", net + (i + 1));
            unknown[i] = login(mvc, "nobody" + System.nanoTime(), password, net + (i + 100));
            throttled[i] = login(mvc, name, password, throttledAddress);
        }
        long w = median(wrong), u = median(unknown), t = median(throttled);
        LoggerFactory.getLogger(getClass()).info("login medians: wrong {} µs, unknown {} µs, throttled {} µs", w, u, t);
        assertThat(u).as("unknown against wrong").isBetween(w / 2, w * 2);
        assertThat(t).as("throttled against wrong").isBetween(w / 2, w * 2);
    }

    /** Microseconds of one failed login; fails the test if it was not a failure. */
    private static long login(MockMvc mvc, String name, String password, String address) throws Exception {
        long start = System.nanoTime();
        var result = mvc.perform(post("/login").param("username", name).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error");
        return micros;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
