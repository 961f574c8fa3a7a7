package org.civitas.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The password login, which hands out the user's roles only when nothing is left to do: an expired or
 * administrator-set password, or a missing TOTP enrolment or code, gives an authentication that holds only the
 * {@link LoginStep} markers. {@link LoginSteps} then grants the roles step by step.
 */
@Component
class StepAwareAuthenticationProvider extends DaoAuthenticationProvider {

    private final AppUserRepository users;
    private final AccountPolicy policy;
    private final Clock clock;
    private final TransactionTemplate tx;

    StepAwareAuthenticationProvider(DatabaseUserDetailsService details, PasswordEncoder encoder,
                                    AppUserRepository users, AccountPolicy policy, Clock clock, TransactionTemplate tx) {
        super(details);
        setPasswordEncoder(encoder);
        this.users = users;
        this.policy = policy;
        this.clock = clock;
        this.tx = tx;
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
