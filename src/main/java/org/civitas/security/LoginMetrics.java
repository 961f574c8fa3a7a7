package org.civitas.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.civitas.audit.AuditEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Failed logins as metrics, without the account or the address (those are in the audit log):
 * {@code civitas.logins.failed} for every refused attempt, {@code civitas.logins.throttles} for the ones refused while
 * their account and address had to wait, and the bursts that warned the administrators (DD021: accounts are slowed
 * down, never locked, so these are the "lockouts").
 */
@Component
class LoginMetrics {

    private static final Set<String> THROTTLES = Set.of("LOGIN_THROTTLED", "LOGIN_BURST");

    private final MeterRegistry meters;

    LoginMetrics(MeterRegistry meters) {
        this.meters = meters;
        meters.counter("civitas.logins.failed");
        for (String action : THROTTLES) {
            meters.counter("civitas.logins.throttles", "kind", action);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        meters.counter("civitas.logins.failed").increment();
    }

    @EventListener
    void audited(AuditEvent event) {
        if (THROTTLES.contains(event.action())) {
            meters.counter("civitas.logins.throttles", "kind", event.action()).increment();
        }
    }
}
