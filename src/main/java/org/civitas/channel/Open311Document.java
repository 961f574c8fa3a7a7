package org.civitas.channel;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.civitas.base.i18n.TranslationProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An Open311 GeoReport v2 response, written as XML or as its JSON mapping (the spec's "Spark convention"): an
 * object is a map of element names to values; a {@link Repeated} is an element holding one child element per item,
 * which JSON writes as an array. {@code null} is an empty element in XML and {@code null} in JSON.
 */
record Open311Document(String root, Object body) {

    static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    /** An element whose children all have the name {@code item}: {@code <services><service>…}. */
    record Repeated(String item, List<?> values) {
    }

    /** The two formats of the spec, taken from the resource's suffix. */
    enum Format {
        JSON, XML;

        static Format of(String suffix) {
            if ("json".equalsIgnoreCase(suffix)) {
                return JSON;
            }
            if ("xml".equalsIgnoreCase(suffix)) {
                return XML;
            }
            return null;
        }
    }

    /** The spec's error list: {@code [{"code":400,"description":"…"}]}, {@code <errors><error>…}. */
    static Open311Document errors(HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return new Open311Document("errors", new Repeated("error", List.of(error)));
    }

    /** The language of the texts: English when the client's first choice is English, else Chinese. */
    static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? TranslationProvider.ENGLISH : TranslationProvider.CHINESE;
    }

    /** The answer in the format asked for; JSON when none was. */
    ResponseEntity<String> respond(HttpStatus status, Format format, Json json) {
        Format f = format == null ? Format.JSON : format;
        return ResponseEntity.status(status).contentType(f == Format.XML ? XML : JSON)
                .body(f == Format.XML ? xml() : json(json));
    }

    String json(Json json) {
        return json.write(plain(body));
    }

    /** The JSON mapping: a {@link Repeated} is a plain array, whatever its element names. */
    private static Object plain(Object value) {
        if (value instanceof Repeated r) {
            return r.values().stream().map(Open311Document::plain).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        return value;
    }

    String xml() {
        try {
            StringWriter out = new StringWriter();
            // the declaration as the spec's examples write it (the JDK's writer would use single quotes)
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            element(w, root, body);
            w.flush();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Repeated r) {
            for (Object item : r.values()) {
                element(w, r.item(), item);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                element(w, String.valueOf(e.getKey()), e.getValue());
            }
        } else {
            w.writeCharacters(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        }
        w.writeEndElement();
    }
}
