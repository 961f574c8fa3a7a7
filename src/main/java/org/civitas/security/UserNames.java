package org.civitas.security;

import java.util.HashMap;
import java.util.Map;
import org.civitas.base.ActorNameSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every user's display name by login, disabled users included: their past steps still show who took them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserNames implements ActorNameSource {

    private final JdbcTemplate jdbc;

    UserNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> actorNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select username, display_name from app_user", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
