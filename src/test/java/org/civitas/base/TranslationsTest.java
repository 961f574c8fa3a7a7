package org.civitas.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key exists in both languages, and every literal key used in the code exists. */
class TranslationsTest {

    static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|RuleViolation|translate)\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]|title\\s*=\\s*\"([A-Za-z0-9_.]+)\"");

    @Test
    void chinese_and_english_have_the_same_keys() throws IOException {
        Set<String> zh = load("translations.properties").stringPropertyNames();
        Set<String> en = load("translations_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(en)).as("keys missing in English or only in English")
                .isEqualTo(new TreeSet<>(zh));
    }

    @Test
    void no_translation_is_empty() throws IOException {
        for (String file : new String[] {"translations.properties", "translations_en.properties"}) {
            Properties p = load(file);
            assertThat(p.stringPropertyNames()).as(file).allSatisfy(k -> assertThat(p.getProperty(k)).isNotBlank());
        }
    }

    @Test
    void every_key_named_in_the_code_exists() throws IOException {
        Set<String> known = load("translations.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!known.contains(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + file),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
