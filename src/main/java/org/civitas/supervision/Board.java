package org.civitas.supervision;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The deadline board (时限看板) at {@code now}: overdue cases, emergency cases due within two hours, cases due today,
 * cases due later within three working days, and the load of each unit. Each list holds at most
 * {@link BoardService#SECTION_LIMIT} cases, the most urgent first.
 */
public record Board(LocalDateTime now, List<BoardCase> overdue, List<BoardCase> emergencySoon,
                    List<BoardCase> dueToday, List<BoardCase> dueSoon, List<UnitLoad> units) {
}
