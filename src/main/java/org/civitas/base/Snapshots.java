package org.civitas.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Before/after images for the audit log: a record rendered as JSON with stable field order. */
public final class Snapshots {

    // static and no bean, so no injected mapper: the helpers' shared one (ISO dates, map keys in order)
    private static final ObjectMapper MAPPER = SharedJson.MAPPER;

    private Snapshots() {
    }

    public static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render an audit snapshot of " + value.getClass(), e);
        }
    }
}
