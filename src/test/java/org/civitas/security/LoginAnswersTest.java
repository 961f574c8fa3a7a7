package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An unknown name, a wrong password, a disabled account and a throttled attempt get the same answer for the same
 * work: one password hash comparison each (the hash is what costs the time), then the same exception and text.
 */
@IntegrationTest
class LoginAnswersTest {

    static final String PASSWORD = "Answers-Test-2026";

    @Autowired DatabaseUserDetailsService details;
    @Autowired PasswordEncoder encoder;
    @Autowired AppUserRepository repository;
    @Autowired AccountPolicy policy;
    @Autowired Clock clock;
    @Autowired TransactionTemplate tx;
    @Autowired LoginThrottle throttle;
    @Autowired ApplicationEventPublisher events;
    @Autowired UserService users;

    final AtomicInteger comparisons = new AtomicInteger();
    StepAwareAuthenticationProvider provider;
    String username;
    String net;

    @BeforeEach
    void setUp() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                comparisons.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        provider = new StepAwareAuthenticationProvider(details, counting, repository, policy, clock, tx, throttle,
                events);
        username = "answers" + System.nanoTime();
        RunAs.user("admin", () -> users.create(new UserForm(username, "Equal Reply", Set.of(AppRoles.OPERATOR), null,
                null, true, PASSWORD)), AppRoles.ADMIN);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        net = "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + ".";
    }

    @Test
    void unknown_wrong_disabled_and_throttled_logins_cost_one_hash_and_fail_alike() {
        Throwable wrong = attempt(username, "Not-The-Password-1", net + 1);
        assertThat(comparisons.getAndSet(0)).as("wrong password").isEqualTo(1);

        Throwable unknown = attempt("nobody" + System.nanoTime(), PASSWORD, net + 2);
        assertThat(comparisons.getAndSet(0)).as("unknown name").isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            attempt(username, "Not-The-Password-1", net + 3);
        }
        comparisons.set(0);
        Throwable throttled = attempt(username, PASSWORD, net + 3);
        assertThat(comparisons.getAndSet(0)).as("throttled, with the right password").isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            attempt("ghost-" + username, "Not-The-Password-1", net + 4);
        }
        comparisons.set(0);
        Throwable throttledUnknown = attempt("ghost-" + username, PASSWORD, net + 4);
        assertThat(comparisons.getAndSet(0)).as("throttled unknown name").isEqualTo(1);

        AppUser user = repository.findByUsername(username).orElseThrow();
        tx.executeWithoutResult(s -> {
            AppUser u = repository.findById(user.getId()).orElseThrow();
            u.setEnabled(false);
            repository.save(u);
        });
        Throwable disabled = attempt(username, PASSWORD, net + 5);
        assertThat(comparisons.getAndSet(0)).as("disabled, with the right password").isEqualTo(1);

        for (Throwable t : new Throwable[] {unknown, throttled, throttledUnknown, disabled}) {
            assertThat(t).isNotNull().hasSameClassAs(wrong).hasMessage(wrong.getMessage());
        }
    }

    @Test
    void the_right_password_from_a_fresh_address_costs_one_hash_too() {
        Authentication ok = provider.authenticate(token(username, PASSWORD, net + 9));
        assertThat(ok.isAuthenticated()).isTrue();
        assertThat(comparisons.get()).isEqualTo(1);
    }

    private Throwable attempt(String name, String password, String address) {
        return catchThrowable(() -> provider.authenticate(token(name, password, address)));
    }

    private static UsernamePasswordAuthenticationToken token(String name, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }
}
