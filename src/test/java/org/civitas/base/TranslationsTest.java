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

/**
 * Every key exists in both languages, every literal key used in the code exists, and view code writes no Chinese of
 * its own.
 */
class TranslationsTest {

    static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|RuleViolation|translate)\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]|title\\s*=\\s*\"([A-Za-z0-9_.]+)\"");

    /** A comment, a text block, a string or a char literal of Java source: the first one wins at each place. */
    static final Pattern JAVA_TOKEN = Pattern.compile(
            "//[^\\n]*|/\\*[\\s\\S]*?\\*/|\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)+'");
    static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");

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

    /** Labels, messages, units of time and full-width punctuation ("：", "、") are keys, so English gets its own. */
    @Test
    void view_code_writes_no_chinese_of_its_own() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && p.toString().replace('\\', '/').contains("/ui/")).toList()) {
                String source = Files.readString(f);
                Matcher m = JAVA_TOKEN.matcher(source);
                while (m.find()) {
                    String token = m.group();
                    if (!token.startsWith("/") && CHINESE.matcher(token).find()) {
                        found.add(f.getFileName() + ":" + lineOf(source, m.start()) + " " + token);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static long lineOf(String source, int offset) {
        return source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
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
