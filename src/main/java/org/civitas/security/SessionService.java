package org.civitas.security;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;

/**
 * Signed-in sessions: everyone sees and ends their own; the security administrator sees and ends anyone's. Ending
 * expires the session in the registry and invalidates it, so its next request finds no login. This node only (see
 * {@link SessionConfig}).
 */
@Service
public class SessionService {

    private final SessionRegistry registry;
    private final SessionTracker tracker;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionService(SessionRegistry registry, SessionTracker tracker, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.tracker = tracker;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** @param currentSessionId the caller's own session, marked {@code current} */
    @PreAuthorize("isAuthenticated()")
    public List<SessionRow> mine(String currentSessionId) {
        return rows(registry.getAllPrincipals().stream().filter(p -> name(p).equals(currentUser.username())).toList(),
                currentSessionId);
    }

    @PreAuthorize("hasRole('" + AppRoles.SECURITY_ADMIN + "')")
    public List<SessionRow> all(String currentSessionId) {
        return rows(registry.getAllPrincipals(), currentSessionId);
    }

    /** Ends one of the caller's other sessions; the own current one ends by logging out. */
    @PreAuthorize("isAuthenticated()")
    public void endMine(String key, String currentSessionId) {
        SessionInformation info = find(key);
        if (!name(info.getPrincipal()).equals(currentUser.username())) {
            throw new RuleViolation("session.error.notFound");
        }
        end(info, currentSessionId);
    }

    @PreAuthorize("hasRole('" + AppRoles.SECURITY_ADMIN + "')")
    public void endAny(String key, String currentSessionId) {
        end(find(key), currentSessionId);
    }

    private void end(SessionInformation info, String currentSessionId) {
        if (info.getSessionId().equals(currentSessionId)) {
            throw new RuleViolation("session.error.current");
        }
        info.expireNow();
        tracker.session(info.getSessionId()).ifPresent(session -> {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
        });
        // the registry entry goes when the container reports the session destroyed; a session this node does not
        // hold stays expired, and the concurrent-session filter logs it out at its next request
        events.publishEvent(AuditEvent.change(currentUser.username(), "SESSION_ENDED_BY_USER", "session",
                name(info.getPrincipal()), null, null));
    }

    private SessionInformation find(String key) {
        for (Object principal : registry.getAllPrincipals()) {
            for (SessionInformation info : registry.getAllSessions(principal, false)) {
                if (key(info.getSessionId()).equals(key)) {
                    return info;
                }
            }
        }
        throw new RuleViolation("session.error.notFound");
    }

    private List<SessionRow> rows(List<Object> principals, String currentSessionId) {
        List<SessionRow> rows = new ArrayList<>();
        for (Object principal : principals) {
            for (SessionInformation info : registry.getAllSessions(principal, false)) {
                HttpSession session = tracker.session(info.getSessionId()).orElse(null);
                LocalDateTime loginAt = session == null ? null : SessionTracker.attribute(session, SessionTracker.LOGIN_AT);
                rows.add(new SessionRow(key(info.getSessionId()), name(principal), loginAt,
                        LocalDateTime.ofInstant(info.getLastRequest().toInstant(), clock.getZone()),
                        session == null ? null : SessionTracker.attribute(session, SessionTracker.CLIENT),
                        session == null ? null : SessionTracker.attribute(session, SessionTracker.AGENT),
                        info.getSessionId().equals(currentSessionId)));
            }
        }
        rows.sort(Comparator.comparing(SessionRow::username)
                .thenComparing(SessionRow::loginAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return rows;
    }

    private static String name(Object principal) {
        return principal instanceof org.springframework.security.core.userdetails.UserDetails u ? u.getUsername()
                : Objects.toString(principal);
    }

    static String key(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
