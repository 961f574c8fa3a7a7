package org.civitas.channel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.civitas.base.i18n.TranslationProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The intake API's error bodies: {@code {"errors":[{"field":"phone","message":"…","message_en":"…"}]}}, each
 * message in Chinese and English from the translation keys, and the HTTP status a refusal deserves.
 */
final class ApiErrors {

    private static final TranslationProvider I18N = new TranslationProvider();

    /** The field each validation key is about; a key not here is a rule about the case, not one field. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("case.error.channelRefTooLong", "ref"),
            Map.entry("api.error.ref", "ref"),
            Map.entry("api.error.refRequired", "ref"),
            Map.entry("case.error.mediaUrl", "media_url"),
            Map.entry("case.error.description", "description"),
            Map.entry("case.error.address", "address"),
            Map.entry("case.error.phone", "phone"),
            Map.entry("case.error.name", "name"),
            Map.entry("case.error.district", "district"),
            Map.entry("case.error.street", "street"),
            Map.entry("case.error.coordinates", "lat"),
            Map.entry("case.error.unknownItem", "item"),
            Map.entry("case.error.tooManyPhotos", "photos"),
            Map.entry("case.error.photoSize", "photos"),
            Map.entry("case.error.notAnImage", "photos"),
            Map.entry("case.error.ratingRequired", "rating"),
            Map.entry("citizen.error.noteTooLong", "note"));

    private ApiErrors() {
    }

    static HttpStatus status(RuleViolation v) {
        return switch (v.key()) {
            case "citizen.error.notFound", "case.error.noSuchCase" -> HttpStatus.NOT_FOUND;
            case "citizen.error.notRateable", "case.error.alreadyRated", "case.error.changed" -> HttpStatus.CONFLICT;
            default -> FIELDS.containsKey(v.key()) || v.key().startsWith("api.error.") ? HttpStatus.BAD_REQUEST
                    : HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    static Map<String, Object> body(RuleViolation v) {
        return body(FIELDS.get(v.key()), v.key(), v.args());
    }

    static Map<String, Object> body(String field, String key, Object... args) {
        return Map.of("errors", List.of(error(field, key, args)));
    }

    static Map<String, Object> error(String field, String key, Object... args) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", key);
        e.put("message", text(key, TranslationProvider.CHINESE, args));
        e.put("message_en", text(key, TranslationProvider.ENGLISH, args));
        return e;
    }

    static String text(String key, Locale locale, Object... args) {
        Object[] a = Arrays.stream(args)
                .map(x -> x instanceof RuleViolation.Key k ? I18N.getTranslation(k.key(), locale) : x)
                .toArray();
        return I18N.getTranslation(key, locale, a);
    }

    static ResponseEntity<String> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
    }
}
