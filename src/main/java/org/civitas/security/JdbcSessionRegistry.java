package org.civitas.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.AbstractSessionEvent;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's session registry in the database ({@code app_session}), so that every app node sees every
 * signed-in session: a session ended on one node is marked expired for all, and the concurrent-session filter of the
 * node that holds it logs it out at its next request. The last-request time is written at most once a minute per
 * session, not on every request. The concurrent-session filter asks for the session on every request: a live session
 * read from the table is believed for {@value #CHECK_MILLIS} ms, so a session ended on another node is logged out at its
 * first request after at most that long (one ended on this node, at once). Reading it on every request cost each
 * scroll of an inbox a second database round trip and a second wait for a pooled connection (docs/benchmarks.md).
 */
class JdbcSessionRegistry implements SessionRegistry, ApplicationListener<AbstractSessionEvent> {

    static final long REFRESH_MILLIS = 60_000;
    static final long CHECK_MILLIS = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String node;
    private final Map<String, Long> lastWritten = new ConcurrentHashMap<>();
    /** Live sessions as last read from the table, and when. */
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(SessionInformation info, long at) {
    }

    JdbcSessionRegistry(JdbcTemplate jdbc, Clock clock, String node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node == null || node.isBlank() ? null : node;
    }

    @Override
    public List<Object> getAllPrincipals() {
        return List.copyOf(jdbc.queryForList("select distinct username from app_session order by username",
                String.class));
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return jdbc.query("select session_id, username, last_request, expired from app_session where username = ?"
                + (includeExpiredSessions ? "" : " and not expired"), (rs, i) -> info(rs.getString(1),
                rs.getString(2), rs.getTimestamp(3), rs.getBoolean(4)), name(principal));
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        long now = clock.millis();
        Checked known = checked.get(sessionId);
        if (known != null && now - known.at() < CHECK_MILLIS && !known.info().isExpired()) {
            return known.info();
        }
        List<SessionInformation> found = jdbc.query("select session_id, username, last_request, expired"
                + " from app_session where session_id = ?", (rs, i) -> info(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3), rs.getBoolean(4)), sessionId);
        if (found.isEmpty()) {
            checked.remove(sessionId);
            return null;
        }
        SessionInformation info = found.get(0);
        if (info.isExpired()) {
            checked.remove(sessionId);
        } else {
            checked.put(sessionId, new Checked(info, now));
        }
        return info;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        long now = clock.millis();
        Long last = lastWritten.get(sessionId);
        if (last == null || now - last >= REFRESH_MILLIS) {
            lastWritten.put(sessionId, now);
            jdbc.update("update app_session set last_request = ? where session_id = ?", new Timestamp(now), sessionId);
        }
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        long now = clock.millis();
        jdbc.update("delete from app_session where session_id = ?", sessionId);
        jdbc.update("insert into app_session (session_id, username, node, last_request) values (?, ?, ?, ?)",
                sessionId, name(principal), node, new Timestamp(now));
        lastWritten.put(sessionId, now);
        checked.remove(sessionId);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        lastWritten.remove(sessionId);
        checked.remove(sessionId);
        jdbc.update("delete from app_session where session_id = ?", sessionId);
    }

    @Override
    public void onApplicationEvent(AbstractSessionEvent event) {
        if (event instanceof SessionDestroyedEvent destroyed) {
            removeSessionInformation(destroyed.getId());
        } else if (event instanceof SessionIdChangedEvent changed) {
            lastWritten.remove(changed.getOldSessionId());
            checked.remove(changed.getOldSessionId());
            jdbc.update("update app_session set session_id = ? where session_id = ?", changed.getNewSessionId(),
                    changed.getOldSessionId());
        }
    }

    private SessionInformation info(String id, String username, Timestamp lastRequest, boolean expired) {
        SessionInformation info = new SessionInformation(username, id,
                Date.from(lastRequest == null ? Instant.now(clock) : lastRequest.toInstant())) {
            @Override
            public void expireNow() {
                super.expireNow();
                checked.remove(getSessionId());
                jdbc.update("update app_session set expired = true where session_id = ?", getSessionId());
            }
        };
        return expired ? expiredCopy(info) : info;
    }

    /** A plain expired copy: the filter only reads it. */
    private static SessionInformation expiredCopy(SessionInformation info) {
        SessionInformation copy = new SessionInformation(info.getPrincipal(), info.getSessionId(),
                info.getLastRequest());
        copy.expireNow();
        return copy;
    }

    private static String name(Object principal) {
        return principal instanceof UserDetails u ? u.getUsername() : Objects.toString(principal);
    }
}
