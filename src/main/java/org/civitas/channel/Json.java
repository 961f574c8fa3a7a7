package org.civitas.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The channel APIs' JSON, on the application's ObjectMapper: a copy that writes times as ISO text whatever the
 * application's Jackson settings become, since docs/api.md fixes that format for the channel systems.
 */
@Component
class Json {

    private final ObjectMapper mapper;

    Json(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String body, Class<T> type) throws JsonProcessingException {
        return mapper.readValue(body, type);
    }

    /** A JSON answer of the native API ({@code application/json}, as it has always been sent). */
    ResponseEntity<String> answer(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(write(body));
    }
}
