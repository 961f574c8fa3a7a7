package org.civitas.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void a_statement_has_one_group_of_placeholders_per_row() {
        MultiRowInsert insert = new MultiRowInsert("insert into t (a, b) values ", "(?, ?)", 2);
        assertThat(insert.sql(1)).isEqualTo("insert into t (a, b) values (?, ?)");
        assertThat(insert.sql(3)).isEqualTo("insert into t (a, b) values (?, ?), (?, ?), (?, ?)");
        assertThatThrownBy(() -> new MultiRowInsert("x", "(?)", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_time_is_written_as_the_datetime_text_to_the_microsecond() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            LocalDateTime t = LocalDateTime.of(1000 + random.nextInt(9000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1_000_000_000));
            assertThat(MultiRowInsert.text(t)).isEqualTo(reference.format(t));
        }
        assertThat(MultiRowInsert.text(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_789)))
                .isEqualTo("2026-01-02 03:04:05.000006");
        assertThatThrownBy(() -> MultiRowInsert.text(LocalDateTime.of(10_000, 1, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
