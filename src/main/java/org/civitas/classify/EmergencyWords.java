package org.civitas.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The words that make a report look like an emergency, from {@code classify/emergency-words.txt} (DD050). */
final class EmergencyWords {

    static final List<String> WORDS = load();

    private EmergencyWords() {
    }

    /** The emergency words in the text, in list order. */
    static List<String> in(String text) {
        String s = Features.normalise(text);
        return WORDS.stream().filter(s::contains).toList();
    }

    private static List<String> load() {
        try (InputStream in = EmergencyWords.class.getResourceAsStream("/classify/emergency-words.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
