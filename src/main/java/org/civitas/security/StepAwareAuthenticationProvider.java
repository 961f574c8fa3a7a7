package org.civitas.security;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.civitas.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The password login, which hands out the user's roles only when nothing is left to do: an expired or
 * administrator-set password, or a missing TOTP enrolment or code, gives an authentication that holds only the
 * {@link LoginStep} markers. {@link LoginSteps} then grants the roles step by step.
 *
 * <p>Failed logins are slowed by {@link LoginThrottle}, never locked. A throttled, an unknown, a disabled and a wrong
 * login all cost one password hash comparison and end in the same {@link BadCredentialsException}: neither the
 * answer nor its time tells which accounts exist, are disabled or are being slowed.
 */
@Component
class StepAwareAuthenticationProvider extends DaoAuthenticationProvider {

    private final AppUserRepository users;
    private final AccountPolicy policy;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder encoder;
    /** What a throttled attempt's password is compared with: a hash of the same cost as a real one. */
    private final String throttledHash;
    /**
     * The attempt this thread refused last. The form login's AuthenticationManager has the global one as its parent,
     * which holds this same provider (the only AuthenticationProvider bean) and is asked again after a refusal: it
     * gets the same answer without a second hash or a second count. Weak, so a finished request's password is not
     * kept alive.
     */
    private final ThreadLocal<Refusal> lastRefusal = new ThreadLocal<>();

    private record Refusal(WeakReference<Authentication> attempt, AuthenticationException answer) {
    }

    StepAwareAuthenticationProvider(DatabaseUserDetailsService details, PasswordEncoder encoder,
                                    AppUserRepository users, AccountPolicy policy, Clock clock, TransactionTemplate tx,
                                    LoginThrottle throttle, ApplicationEventPublisher events) {
        super(details);
        setPasswordEncoder(encoder);
        this.encoder = encoder;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
        this.tx = tx;
        this.throttle = throttle;
        this.events = events;
        this.throttledHash = encoder.encode(UUID.randomUUID().toString());
        // the account state is checked after the password, so a disabled account costs the same as any other
        setPreAuthenticationChecks(user -> { });
        setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                events.publishEvent(AuditEvent.of(user.getUsername(), "LOGIN_DISABLED_ACCOUNT", null));
                throw badCredentials();
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Refusal last = lastRefusal.get();
        lastRefusal.remove();
        if (last != null && last.attempt().get() == authentication) {
            throw last.answer();
        }
        try {
            return decide(authentication);
        } catch (AuthenticationException e) {
            lastRefusal.set(new Refusal(new WeakReference<>(authentication), e));
            throw e;
        }
    }

    private Authentication decide(Authentication authentication) {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        LoginThrottle.Verdict verdict = throttle.admit(account, address);
        if (!verdict.allowed()) {
            // refused at once rather than held: a waiting thread per attempt would let a flood exhaust the server
            Object presented = authentication.getCredentials();
            encoder.matches(presented == null ? "" : presented.toString(), throttledHash);
            events.publishEvent(AuditEvent.of(LoginThrottle.name(account), "LOGIN_THROTTLED",
                    LoginThrottle.address(address) + ", wait " + verdict.waitMillis() + " ms"));
            throw badCredentials();
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(account, address);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(account, address);
            throw e;
        }
    }

    /** The one answer to every failed login: the same class and text as Spring's own for a wrong password. */
    private BadCredentialsException badCredentials() {
        return new BadCredentialsException(messages.getMessage(
                "AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        Authentication full = super.createSuccessAuthentication(principal, authentication, user);
        List<LoginStep> steps = pendingSteps(user.getUsername());
        if (steps.isEmpty()) {
            return full;
        }
        var partial = new UsernamePasswordAuthenticationToken(principal, null,
                steps.stream().map(LoginStep::grantedAuthority).toList());
        partial.setDetails(authentication.getDetails());
        return partial;
    }

    List<LoginStep> pendingSteps(String username) {
        return tx.execute(s -> users.findByUsername(username)
                .map(u -> policy.stepsAfterPassword(u, LocalDateTime.now(clock))).orElse(List.of()));
    }
}
