package org.civitas.security;

import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** The steps still open in this session's login, and the upgrade of the authentication once one is done. */
@Component
public class LoginSteps {

    private final StepAwareAuthenticationProvider provider;

    LoginSteps(StepAwareAuthenticationProvider provider) {
        this.provider = provider;
    }

    /** The first step the current user must still take, or empty when the login is complete (or nobody is in). */
    public Optional<LoginStep> pending() {
        return open(SecurityContextHolder.getContext().getAuthentication()).stream().findFirst();
    }

    static List<LoginStep> open(Authentication auth) {
        List<LoginStep> steps = new ArrayList<>();
        if (auth != null) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                LoginStep.of(a.getAuthority()).ifPresent(steps::add);
            }
        }
        steps.sort(null);
        return steps;
    }

    /** The authentication a password login gives this user now (the same the login form gives). */
    public Authentication afterPassword(UserDetails user) {
        List<LoginStep> steps = provider.pendingSteps(user.getUsername());
        return steps.isEmpty() ? new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities())
                : new UsernamePasswordAuthenticationToken(user, null,
                        steps.stream().map(LoginStep::grantedAuthority).toList());
    }

    /** Marks steps done; when none remain the session gets the user's roles. */
    void done(LoginStep... steps) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof UserDetails user)) {
            return;
        }
        List<LoginStep> open = open(auth);
        open.removeAll(List.of(steps));
        Authentication next = open.isEmpty()
                ? new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities())
                : new UsernamePasswordAuthenticationToken(user, null,
                        open.stream().map(LoginStep::grantedAuthority).toList());
        if (next instanceof UsernamePasswordAuthenticationToken t) {
            t.setDetails(auth.getDetails());
        }
        context.setAuthentication(next);
        // the context object usually is the one in the HTTP session already; store it to be sure
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
