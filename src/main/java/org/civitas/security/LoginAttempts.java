package org.civitas.security;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.civitas.audit.AuditEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed logins, locks an account after five in a row, and audits every attempt. */
@Component
class LoginAttempts {

    private final AppUserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lockFor;

    LoginAttempts(AppUserRepository users, ApplicationEventPublisher events, Clock clock,
                  @Value("${civitas.security.lock-minutes:15}") long lockMinutes) {
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.lockFor = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        users.findByUsername(name).ifPresent(AppUser::registerSuccessfulLogin);
        events.publishEvent(AuditEvent.of(name, "LOGIN_SUCCEEDED", null));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getPrincipal());
        String reason = event.getException().getClass().getSimpleName();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            users.findByUsername(name).ifPresent(user -> {
                if (user.registerFailedLogin(LocalDateTime.now(clock), lockFor)) {
                    events.publishEvent(AuditEvent.of(name, "ACCOUNT_LOCKED", null));
                }
            });
        }
        events.publishEvent(AuditEvent.of(name, "LOGIN_FAILED", reason));
    }
}
