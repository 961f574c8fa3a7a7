package org.civitas.channel;

import java.util.HashMap;
import java.util.Map;
import org.civitas.base.ActorNameSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A channel system's name for the steps it took through the API ({@code channel:<code>}). */
@Component
class ChannelNames implements ActorNameSource {

    private final JdbcTemplate jdbc;

    ChannelNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> actorNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select code, name from channel_system", rs -> {
            names.put(ChannelService.PRINCIPAL_PREFIX + rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
