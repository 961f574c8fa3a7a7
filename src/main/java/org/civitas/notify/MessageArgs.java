package org.civitas.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.civitas.base.SharedJson;

/**
 * The arguments of a notification's message, kept as a JSON array of strings so the bell can render the text in
 * the reader's language later. Times are formatted once, the same way in both languages.
 */
final class MessageArgs {

    static final int COLUMN_LENGTH = 500;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    // static and no bean, so no injected mapper: the helpers' shared one (base.SharedJson)
    private static final ObjectMapper JSON = SharedJson.MAPPER;

    private MessageArgs() {
    }

    static List<String> strings(Object... args) {
        List<String> out = new ArrayList<>();
        for (Object a : args == null ? new Object[0] : args) {
            out.add(string(a));
        }
        return out;
    }

    /** Long free text (a reason, a note) is cut so the row always fits its column. */
    static String encode(List<String> args) {
        int cap = 200;
        while (true) {
            int max = cap;
            String json = write(args.stream().map(s -> s.length() <= max ? s : s.substring(0, max - 1) + "…")
                    .toList());
            if (json.length() <= COLUMN_LENGTH || cap <= 8) {
                return json.length() <= COLUMN_LENGTH ? json : "[]";
            }
            cap /= 2;
        }
    }

    static List<String> decode(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String string(Object a) {
        if (a == null) {
            return "";
        }
        if (a instanceof LocalDateTime t) {
            return MINUTES.format(t);
        }
        if (a instanceof LocalDate d) {
            return d.toString();
        }
        return String.valueOf(a);
    }

    private static String write(List<String> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
