package org.civitas.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one {@code ObjectMapper} of the static helpers that are no Spring beans ({@link Snapshots}, the notices'
 * message arguments, the audit log's texts): they cannot be handed the application's mapper, so they share this one
 * instead of each building its own. It is fixed here, not by {@code spring.jackson.*}, because what it writes is
 * stored (audit snapshots, message arguments) and must read the same after any change to the web's JSON: ISO
 * dates, map entries by key. Beans take the application's mapper. Never reconfigure it: it is shared.
 */
public final class SharedJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SharedJson() {
    }
}
