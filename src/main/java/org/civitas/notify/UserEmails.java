package org.civitas.notify;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * E-mail addresses of active users by name. A stopgap: {@code UserDirectory} answers by role and unit only; when it
 * gains a look-up by user names this class goes and {@link NotificationService} asks the directory.
 */
@Component
class UserEmails {

    private final NamedParameterJdbcTemplate jdbc;

    UserEmails(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> of(Collection<String> usernames) {
        Map<String, String> out = new HashMap<>();
        if (usernames.isEmpty()) {
            return out;
        }
        jdbc.query("select username, email from app_user where enabled = true and email is not null"
                        + " and username in (:names)", Map.of("names", usernames),
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }
}
