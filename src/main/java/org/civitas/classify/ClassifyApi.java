package org.civitas.classify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/classify} (docs/api.md): a hotline desk sends a report's text and address and gets the likely
 * list items, the place and the model version, to pre-fill its own form. Under the intake API's key and allowances
 * (its security chain covers {@code /api/v1/**}), with its error body
 * {@code {"errors":[{"field","code","message","message_en"}]}}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Intake API v1", description = "Channel systems file, follow and rate cases")
@SecurityRequirement(name = "apiKey")
class ClassifyApi {

    private static final TranslationProvider I18N = new TranslationProvider();
    private static final Map<String, String> FIELDS = Map.of("classify.error.text", "text",
            "classify.error.address", "address");

    private final ClassifierService classifier;
    private final ObjectMapper mapper;

    ClassifyApi(ClassifierService classifier, ObjectMapper mapper) {
        this.classifier = classifier;
        this.mapper = mapper;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClassifyRequest(String text, String address) {
    }

    @Operation(summary = "Suggest list items and the place for a report's text",
            description = "The three best items with scores in [0, 1] and the words that decided, the recognised "
                    + "district and street with a confidence, the emergency words found, and the model version.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ClassifyRequest.class))))
    @PostMapping(path = "/classify", consumes = MediaType.ALL_VALUE)
    ResponseEntity<String> classify(@RequestBody(required = false) String body) {
        try {
            ClassifyRequest r = parse(body);
            return json(HttpStatus.OK, view(classifier.classify(r.text(), r.address())));
        } catch (RuleViolation v) {
            HttpStatus status = FIELDS.containsKey(v.key()) || v.key().startsWith("api.error.")
                    ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
            return json(status, errors(FIELDS.get(v.key()), v.key(), v.args()));
        } catch (AccessDeniedException e) {
            return json(HttpStatus.FORBIDDEN, errors(null, "api.error.forbidden"));
        }
    }

    private ClassifyRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new RuleViolation("api.error.body");
        }
        try {
            ClassifyRequest r = mapper.readValue(body, ClassifyRequest.class);
            if (r == null) {
                throw new RuleViolation("api.error.body");
            }
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RuleViolation("api.error.body");
        }
    }

    static Map<String, Object> view(Classification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", c.items().stream().map(s -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", s.itemCode());
            item.put("name", s.itemName());
            item.put("urgency", s.urgency());
            item.put("score", s.score());
            item.put("words", s.words());
            return item;
        }).toList());
        Place p = c.place();
        m.put("district", p.districtCode());
        m.put("district_name", p.districtName());
        m.put("street", p.streetCode());
        m.put("street_name", p.streetName());
        m.put("place_confidence", p.confidence());
        m.put("emergency", c.emergencyFlag());
        m.put("emergency_words", c.emergencyWords());
        m.put("model_version", c.modelVersion());
        return m;
    }

    private static Map<String, Object> errors(String field, String key, Object... args) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", key);
        e.put("message", text(key, TranslationProvider.CHINESE, args));
        e.put("message_en", text(key, TranslationProvider.ENGLISH, args));
        return Map.of("errors", List.of(e));
    }

    private static String text(String key, Locale locale, Object... args) {
        return I18N.getTranslation(key, locale, Arrays.copyOf(args, args.length));
    }

    private ResponseEntity<String> json(HttpStatus status, Object body) {
        try {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(mapper.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
