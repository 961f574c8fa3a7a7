package org.civitas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The open states are one set, {@link CaseStatus#AWAITING_UNIT}; SQL reads it as {@link CaseStatus#AWAITING_UNIT_SQL}. */
class CaseStatusTest {

    @Test
    void the_sql_list_of_the_open_states_names_exactly_the_enum_set() {
        assertThat(CaseStatus.AWAITING_UNIT_SQL).isEqualTo("('DISPATCHED','IN_PROGRESS','RETURN_REQUESTED')");
        assertThat(parse(CaseStatus.AWAITING_UNIT_SQL)).isEqualTo(CaseStatus.AWAITING_UNIT);
    }

    @Test
    void any_set_renders_in_the_enum_order_and_reads_back_the_same() {
        Set<CaseStatus> some = EnumSet.of(CaseStatus.MERGED, CaseStatus.REGISTERED, CaseStatus.REPLIED);
        assertThat(CaseStatus.sqlList(some)).isEqualTo("('REGISTERED','REPLIED','MERGED')");
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(parse(CaseStatus.sqlList(Set.of(s)))).containsExactly(s);
        }
        assertThat(parse(CaseStatus.sqlList(EnumSet.allOf(CaseStatus.class))))
                .isEqualTo(EnumSet.allOf(CaseStatus.class));
    }

    @Test
    void there_is_no_empty_sql_list() {
        assertThatThrownBy(() -> CaseStatus.sqlList(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** A query that spelled the open states out again would drift from the enum the day a state is added. */
    @Test
    void no_query_spells_the_open_states_out() throws IOException {
        Pattern spelled = Pattern.compile("'DISPATCHED'\\s*,\\s*'IN_PROGRESS'\\s*,\\s*'RETURN_REQUESTED'");
        List<Path> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            found = files.filter(p -> p.toString().endsWith(".java"))
                    // a migration keeps the text it ran with
                    .filter(p -> !p.getFileName().toString().matches("V\\d+__.*"))
                    .filter(p -> {
                        try {
                            return spelled.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
        assertThat(found).isEmpty();
    }

    private static Set<CaseStatus> parse(String sql) {
        assertThat(sql).matches("\\('[A-Z_]+'(,'[A-Z_]+')*\\)");
        return Stream.of(sql.substring(1, sql.length() - 1).split(","))
                .map(s -> CaseStatus.valueOf(s.substring(1, s.length() - 1)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
    }
}
