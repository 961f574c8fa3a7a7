package org.civitas.cases.ui.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inbox's hand-written minute format writes what the formatter writes. */
class CaseFormatTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void a_minute_is_written_as_the_formatter_writes_it() {
        assertThat(CaseFormat.minute(LocalDateTime.of(2026, 1, 2, 3, 4, 59))).isEqualTo("2026-01-02 03:04");
        assertThat(CaseFormat.minute(LocalDateTime.of(2016, 12, 31, 23, 59))).isEqualTo("2016-12-31 23:59");
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            LocalDateTime t = LocalDateTime.of(1000 + random.nextInt(9000), 1, 1, 0, 0)
                    .plusMinutes(random.nextInt(366 * 24 * 60)).plusSeconds(random.nextInt(60));
            assertThat(CaseFormat.minute(t)).as("%s", t).isEqualTo(TIME.format(t));
        }
        // outside four-digit years the formatter itself writes it
        LocalDateTime far = LocalDateTime.of(10_000, 5, 6, 7, 8);
        assertThat(CaseFormat.minute(far)).isEqualTo(TIME.format(far));
    }
}
