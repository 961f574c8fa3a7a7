package org.civitas.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The HTTP sessions of this node by id, so that a session can be ended from another one, and what the sessions page
 * shows of each: login time, client address and browser, kept as session attributes at login.
 */
@Component
class SessionTracker {

    static final String USER = "civitas.session.user";
    static final String LOGIN_AT = "civitas.session.loginAt";
    static final String CLIENT = "civitas.session.client";
    static final String AGENT = "civitas.session.agent";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SessionTracker.class);

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionTracker(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void created(HttpSessionCreatedEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @EventListener
    void idChanged(HttpSessionIdChangedEvent event) {
        HttpSession session = sessions.remove(event.getOldSessionId());
        if (session != null) {
            sessions.put(event.getNewSessionId(), session);
        }
    }

    @EventListener
    void destroyed(HttpSessionDestroyedEvent event) {
        HttpSession session = sessions.remove(event.getId());
        String user = session == null ? null : attribute(session, USER);
        if (user != null) {
            try {
                events.publishEvent(AuditEvent.of(user, "SESSION_ENDED", null));
            } catch (RuntimeException shuttingDown) {
                // the container expires its sessions while the application stops: the database may be gone
                log.debug("session end of {} not audited: {}", user, shuttingDown.toString());
            }
        }
    }

    /** The password was right: the session that the login filter keeps gets the facts the sessions page shows. */
    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpSession session = request.getSession(false); // none for a stateless API call: do not make one
            if (session != null) {
                describe(session, event.getAuthentication().getName(), request.getRemoteAddr(),
                        request.getHeader("User-Agent"));
            }
        }
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        events.publishEvent(AuditEvent.of(event.getAuthentication().getName(), "LOGOUT", null));
    }

    void describe(HttpSession session, String username, String client, String agent) {
        session.setAttribute(USER, username);
        session.setAttribute(LOGIN_AT, LocalDateTime.now(clock));
        session.setAttribute(CLIENT, client);
        session.setAttribute(AGENT, agent == null ? "" : agent.length() > 300 ? agent.substring(0, 300) : agent);
        sessions.putIfAbsent(session.getId(), session);
    }

    Optional<HttpSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @SuppressWarnings("unchecked")
    static <T> T attribute(HttpSession session, String name) {
        try {
            return (T) session.getAttribute(name);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
