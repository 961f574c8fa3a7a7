package org.civitas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the repository says must be readable from the repository: no comment or document cites a file that lives
 * outside it (a product spec, a style guide, stack notes, a shared folder), and none points at a tracker's issue
 * number instead of saying the reason. The design is docs/design.md; decisions are in docs/decisions/.
 */
class RepositoryTextTest {

    /** Where the project's own text lives (relative to the project folder, where Maven runs the tests). */
    private static final List<String> ROOTS = List.of("src", "docs", ".ci", "deploy", "bench", "reports", "pom.xml",
            "README.md");

    /** What Vaadin generates into the project folder (git ignores it): third-party text, not ours. */
    private static final List<String> GENERATED = List.of("src/main/bundles/", "/generated/", "node_modules/");

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("DESIGN\\.md"),
            Pattern.compile("\\bDESIGN §"),
            Pattern.compile("STYLE\\.md"),
            Pattern.compile("STACK-NOTES"),
            Pattern.compile("\\.\\./shared|/work/shared"),
            Pattern.compile("(?i)\\bissue #?\\d+\\b"));

    /**
     * Applied Flyway SQL migrations keep their old header comments: Flyway's checksum covers every line, comments
     * included, so editing them would fail validation on every database that already ran them.
     */
    private static final Set<String> APPLIED_MIGRATIONS = Set.of(
            "src/main/resources/db/migration/V40__supervision.sql",
            "src/main/resources/db/migration/V50__channels.sql",
            "src/main/resources/db/migration/V60__scoring.sql",
            "src/main/resources/db/migration/V65__case_daily.sql",
            "src/main/resources/db/migration/V82__case_daily_address.sql");

    private static final String SELF = "src/test/java/org/civitas/RepositoryTextTest.java";

    @Test
    void no_file_cites_a_document_outside_the_repository_or_an_issue_number() {
        List<String> hits = new ArrayList<>();
        for (String root : ROOTS) {
            Path path = Path.of(root);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).forEach(file -> scan(file, hits));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(hits).as("cite docs/design.md or a decision record, or say the reason in a few words").isEmpty();
    }

    @Test
    void the_exempt_migrations_still_exist() {
        // an exemption that outlives its file would hide a new one of the same name
        assertThat(APPLIED_MIGRATIONS).allSatisfy(name -> assertThat(Path.of(name)).isRegularFile());
        assertThat(Path.of(SELF)).isRegularFile();
    }

    private static void scan(Path file, List<String> hits) {
        String name = file.toString().replace('\\', '/');
        if (name.equals(SELF) || APPLIED_MIGRATIONS.contains(name) || GENERATED.stream().anyMatch(name::contains)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return; // binary: fonts, images
            }
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FORBIDDEN.stream().anyMatch(pattern -> pattern.matcher(line).find())) {
                hits.add(name + ":" + (i + 1) + ": " + line.strip());
            }
        }
    }
}
