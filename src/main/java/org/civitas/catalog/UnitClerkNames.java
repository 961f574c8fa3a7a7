package org.civitas.catalog;

import java.util.HashMap;
import java.util.Map;
import org.civitas.base.ActorNameSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Steps recorded for a unit when no person of it is known ({@code clerk.<unit code>}: generated and imported cases)
 * show under the unit's name rather than as a login.
 */
@Component
class UnitClerkNames implements ActorNameSource {

    static final String PREFIX = "clerk.";

    private final JdbcTemplate jdbc;

    UnitClerkNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> actorNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select code, name from unit", rs -> {
            names.put(PREFIX + rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
