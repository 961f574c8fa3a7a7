package org.civitas.channel;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.civitas.base.i18n.TranslationProvider;
import org.springframework.http.HttpStatus;

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

    /** {@code {"errors":[…]}}: the body of every refusal of the native API. */
    record Body(List<Item> errors) {
    }

    /** One refusal: the field it is about (or null), the translation key, its text in Chinese and in English. */
    record Item(String field, String code, String message, @JsonProperty("message_en") String messageEn) {
    }

    static Body body(RuleViolation v) {
        return body(FIELDS.get(v.key()), v.key(), v.args());
    }

    static Body body(String field, String key, Object... args) {
        return new Body(List.of(error(field, key, args)));
    }

    static Item error(String field, String key, Object... args) {
        return new Item(field, key, text(key, TranslationProvider.CHINESE, args),
                text(key, TranslationProvider.ENGLISH, args));
    }

    static String text(String key, Locale locale, Object... args) {
        Object[] a = Arrays.stream(args)
                .map(x -> x instanceof RuleViolation.Key k ? I18N.getTranslation(k.key(), locale) : x)
                .toArray();
        return I18N.getTranslation(key, locale, a);
    }
}
