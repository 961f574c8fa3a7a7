package org.civitas.security;

import org.civitas.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Audits every login attempt. Counting failures and slowing them down is {@link LoginThrottle}'s job, called by
 * {@link StepAwareAuthenticationProvider}, which knows the client address and whether an attempt was throttled.
 */
@Component
class LoginAttempts {

    private final ApplicationEventPublisher events;

    LoginAttempts(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        events.publishEvent(AuditEvent.of(event.getAuthentication().getName(), "LOGIN_SUCCEEDED", null));
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getPrincipal());
        events.publishEvent(AuditEvent.of(name, "LOGIN_FAILED", event.getException().getClass().getSimpleName()));
    }
}
