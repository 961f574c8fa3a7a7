package org.civitas.supervision.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BoardCaseGridTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 10, 0);

    @Test
    void aDeadlineThisYearShowsNoYear() {
        assertThat(BoardCaseGrid.due(LocalDateTime.of(2026, 12, 8, 17, 30), NOW)).isEqualTo("12-08 17:30");
    }

    @Test
    void aDeadlineOfAnotherYearShowsItsYear() {
        assertThat(BoardCaseGrid.due(LocalDateTime.of(2025, 5, 14, 17, 30), NOW)).isEqualTo("2025-05-14 17:30");
        assertThat(BoardCaseGrid.due(LocalDateTime.of(2027, 1, 4, 9, 0), NOW)).isEqualTo("2027-01-04 09:00");
    }
}
