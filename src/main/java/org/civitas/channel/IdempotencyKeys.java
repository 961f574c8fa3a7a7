package org.civitas.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} header (IETF httpapi draft): the first request with a key runs and its response is
 * kept for a day; the same key with the same body gets that response again, with another body 422, and while the
 * first is still running 409. Server errors are not kept, so the client may retry them. Each statement commits
 * on its own (no surrounding transaction), so a second node sees the key at once.
 */
@Component
class IdempotencyKeys {

    static final Duration KEEP = Duration.ofHours(24);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ApiExceptionHandler errors;
    /** The native API's refusals: {@code {"errors":[{"field":"Idempotency-Key",…}]}}. */
    private final Refusal nativeRefusal;

    IdempotencyKeys(NamedParameterJdbcTemplate jdbc, Clock clock, ApiExceptionHandler errors, Json json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.errors = errors;
        this.nativeRefusal = (status, messageKey) -> json.answer(status, ApiErrors.body("Idempotency-Key", messageKey));
    }

    record Stored(long id, String requestHash, String state, Integer status, String body, LocalDateTime expiresAt) {
    }

    /** How a protocol words a refusal of the key: its status and the translation key of the message. */
    interface Refusal {
        ResponseEntity<String> refuse(HttpStatus status, String messageKey);
    }

    ResponseEntity<String> run(String channelCode, String key, Supplier<String> requestHash,
                               Supplier<ResponseEntity<String>> action) {
        return run(channelCode, key, requestHash, action, nativeRefusal);
    }

    /**
     * Runs {@code action} once per key and request: the same key and body again replay the kept response (its body
     * and status; the content type follows the body, XML or JSON); another body is 422, a request still running 409.
     * The request's hash is computed only when a key came (a SHA-256 of the body on every request was 2 % of the
     * intake's CPU).
     */
    ResponseEntity<String> run(String channelCode, String key, Supplier<String> requestHash,
                               Supplier<ResponseEntity<String>> action, Refusal refusal) {
        if (key == null) {
            return action.get();
        }
        try {
            return run(channelCode, key, requestHash.get(), action, refusal);
        } catch (DataAccessException e) {
            // the action's own conflicts are answered inside; this is the key table failing: a server error, retried
            throw new IllegalStateException("Idempotency-Key store failed", e);
        }
    }

    private ResponseEntity<String> run(String channelCode, String key, String requestHash,
                                       Supplier<ResponseEntity<String>> action, Refusal refusal) {
        if (key.isBlank() || key.length() > 255) {
            return refusal.refuse(HttpStatus.BAD_REQUEST, "api.error.idempotencyKey");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id;
        try {
            id = insert(channelCode, key, requestHash, now);
        } catch (DuplicateKeyException e) {
            Stored s = find(channelCode, key);
            if (s == null || s.expiresAt().isBefore(now)) {
                jdbc.update("DELETE FROM api_idempotency_key WHERE channel_code = :c AND idem_key = :k AND expires_at < :now",
                        Map.of("c", channelCode, "k", key, "now", now));
                return run(channelCode, key, requestHash, action, refusal);
            }
            if (!s.requestHash().equals(requestHash)) {
                return refusal.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "api.error.idempotencyMismatch");
            }
            if ("IN_FLIGHT".equals(s.state())) {
                return refusal.refuse(HttpStatus.CONFLICT, "api.error.idempotencyInFlight");
            }
            return ResponseEntity.status(s.status()).header("Idempotent-Replayed", "true")
                    .contentType(s.body() != null && s.body().startsWith("<?xml") ? Open311Document.XML
                            : Open311Document.JSON).body(s.body());
        }
        ResponseEntity<String> response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            // a refusal is an answer like any other, kept for the replay; anything else is a server error
            response = errors.answer(e);
            if (response == null) {
                delete(id);
                throw e;
            }
        }
        if (response.getStatusCode().is5xxServerError()) {
            delete(id);
        } else {
            jdbc.update("""
                    UPDATE api_idempotency_key SET state = 'DONE', response_status = :status, response_body = :body
                    WHERE id = :id""", new MapSqlParameterSource().addValue("status", response.getStatusCode().value())
                    .addValue("body", response.getBody()).addValue("id", id));
        }
        return response;
    }

    private long insert(String channelCode, String key, String hash, LocalDateTime now) {
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO api_idempotency_key (channel_code, idem_key, request_hash, state, created_at, expires_at)
                VALUES (:c, :k, :h, 'IN_FLIGHT', :now, :exp)""", new MapSqlParameterSource().addValue("c", channelCode)
                .addValue("k", key).addValue("h", hash).addValue("now", now).addValue("exp", now.plus(KEEP)),
                keyHolder, new String[] {"id"});
        return keyHolder.getKey().longValue();
    }

    private Stored find(String channelCode, String key) {
        List<Stored> rows = jdbc.query("""
                SELECT * FROM api_idempotency_key WHERE channel_code = :c AND idem_key = :k""",
                Map.of("c", channelCode, "k", key), (rs, i) -> new Stored(rs.getLong("id"), rs.getString("request_hash"),
                        rs.getString("state"), (Integer) rs.getObject("response_status", Integer.class),
                        rs.getString("response_body"), rs.getObject("expires_at", LocalDateTime.class)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void delete(long id) {
        jdbc.update("DELETE FROM api_idempotency_key WHERE id = :id", Map.of("id", id));
    }
}
