package org.civitas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one feature, and only that feature writes it (docs/decisions/DD002-packages-by-feature.md):
 * another feature asks the owner's service or listens to its events. Reading is free (the board and the reports
 * join across features); writing another feature's rows would bypass its rules, its history and its audit.
 *
 * <p>The writes are found in the string literals of the main code (JdbcTemplate/JdbcClient SQL, {@code @Query}
 * JPQL and native SQL): {@code INSERT INTO}, {@code REPLACE INTO}, {@code UPDATE}, {@code DELETE FROM},
 * {@code TRUNCATE} of a table (or an entity, in JPQL). SQL assembled from pieces at run time is not seen.
 */
class TableWritesTest {

    private static final Path MAIN = Path.of("src/main/java/org/civitas");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table → the top-level package that owns it. Every table a migration creates must be here. */
    static final Map<String, String> OWNER = new TreeMap<>();

    static {
        own("base", "rate_bucket");
        own("audit", "audit_log", "audit_archive", "audit_chain_head");
        own("security", "app_user", "app_user_role", "app_user_password_history", "app_session", "login_failure");
        own("calendar", "calendar_day");
        own("catalog", "category", "unit", "list_version", "list_item");
        own("cases", "case_number_seq", "case_file", "case_co_unit", "case_history", "case_photo", "case_request",
                "case_search", "track_lock", "grid_columns", "inbox_view");
        own("notify", "notification", "outbox_message");
        own("supervision", "supervision_order", "shedlock", "job_run");
        own("channel", "channel_system", "channel_api_key", "api_idempotency_key", "channel_callback_state");
        own("scoring", "scoring_rule_set", "scoring_bulletin", "scoring_bulletin_score", "scoring_bulletin_deduction",
                "scoring_bulletin_item");
        own("classify", "classifier_model", "classifier_setting", "classification_record");
        own("analysis", "case_daily", "case_daily_dirty", "case_daily_address");
        own("inspection", "inspection_round", "rectification_notice", "inspection_finding", "inspection_photo",
                "inspection_history", "inspection_checkpoint");
    }

    /**
     * Bulk writers allowed past the owner: {@code demo} loads demo and benchmark cases straight into the case tables
     * with batched JDBC (millions of rows; through the case service it would take days), and tells the features
     * that keep figures of their own with the cases' {@code CasesGenerated} event. Nothing else is exempt.
     */
    static final Map<String, Set<String>> BULK = Map.of("demo",
            Set.of("case_file", "case_co_unit", "case_history", "case_number_seq"));

    private static void own(String owner, String... tables) {
        for (String t : tables) {
            OWNER.put(t, owner);
        }
    }

    /** A write statement and the table (or JPQL entity) it writes; whitespace is folded to one space first. */
    private static final Pattern WRITE = Pattern.compile("(?i)(?:\\binsert (?:ignore )?into|\\breplace into"
            + "|(?<!key )(?<!for )\\bupdate(?: ignore)?|\\bdelete (?:\\w+ )?from|\\btruncate(?: table)?) `?(\\w+)");
    private static final Pattern CREATE = Pattern.compile("(?i)\\bcreate table (?:if not exists )?`?(\\w+)");
    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\(name = \"(\\w+)\"");

    @Test
    void every_feature_writes_only_its_own_tables() {
        Map<String, String> entities = entityTables();
        List<String> foreign = new ArrayList<>();
        forEachMainFile((pkg, file, literals) -> {
            for (String literal : literals) {
                Matcher m = WRITE.matcher(literal.replaceAll("\\s+", " "));
                while (m.find()) {
                    String name = m.group(1);
                    String table = OWNER.containsKey(name.toLowerCase()) ? name.toLowerCase() : entities.get(name);
                    if (table != null && !OWNER.get(table).equals(pkg)
                            && !BULK.getOrDefault(pkg, Set.of()).contains(table)) {
                        foreign.add(MAIN.relativize(file) + " writes " + table + " of " + OWNER.get(table));
                    }
                }
            }
        });
        assertThat(foreign).as("writes to another feature's table: ask its service (or move the code there)")
                .isEmpty();
    }

    @Test
    void every_table_has_an_owner_and_every_entity_lives_with_it() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                created.addAll(matches(CREATE, Files.readString(f)));
            }
        }
        forEachMainFile((pkg, file, literals) -> literals.forEach(l -> created.addAll(matches(CREATE, l))));
        assertThat(created).as("tables the migrations create").isNotEmpty();
        assertThat(OWNER.keySet()).as("give each new table its owner in OWNER").containsAll(created);

        List<String> misplaced = new ArrayList<>();
        forEachMainFile((pkg, file, literals) -> {
            for (String table : matches(ENTITY_TABLE, read(file))) {
                if (!pkg.equals(OWNER.get(table))) {
                    misplaced.add(MAIN.relativize(file) + " maps " + table + " of " + OWNER.get(table));
                }
            }
        });
        assertThat(misplaced).as("entities live in the package that owns their table").isEmpty();
    }

    /** JPQL names entities, not tables: entity class name → its table. */
    private static Map<String, String> entityTables() {
        Map<String, String> entities = new TreeMap<>();
        forEachMainFile((pkg, file, literals) -> {
            String source = read(file);
            List<String> tables = matches(ENTITY_TABLE, source);
            if (source.contains("@Entity") && tables.size() == 1) {
                entities.put(file.getFileName().toString().replace(".java", ""), tables.get(0));
            }
        });
        return entities;
    }

    private interface FileVisitor {
        void visit(String topLevelPackage, Path file, List<String> literals);
    }

    private static void forEachMainFile(FileVisitor visitor) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Path rel = MAIN.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // the application class itself
                }
                visitor.visit(rel.getName(0).toString(), f, literals(read(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals and text blocks of a Java source, without its comments. */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = indexOrEnd(src, "\n", i);
            } else if (src.startsWith("/*", i)) {
                i = indexOrEnd(src, "*/", i + 2) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                out.add(src.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != c) {
                    if (src.charAt(j) == '\\') {
                        j++;
                    }
                    if (j < n) {
                        s.append(src.charAt(j));
                    }
                    j++;
                }
                if (c == '"') {
                    out.add(s.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int indexOrEnd(String s, String what, int from) {
        int at = s.indexOf(what, from);
        return at < 0 ? s.length() : at;
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text.replaceAll("\\s+", " "));
        while (m.find()) {
            found.add(m.group(1).toLowerCase());
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
