package org.civitas.security;

import java.time.LocalDateTime;

/**
 * One signed-in session as the sessions page shows it. {@code key} names the session without revealing its id (a
 * session id is as good as a password).
 */
public record SessionRow(String key, String username, LocalDateTime loginAt, LocalDateTime lastActivity,
                         String client, String userAgent, boolean current) {
}
