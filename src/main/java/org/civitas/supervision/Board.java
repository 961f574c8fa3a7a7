package org.civitas.supervision;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The deadline board (时限看板) at {@code now}: overdue cases, emergency cases due within two hours, cases due today,
 * cases due later within three working days, and the load of each unit. {@code scopeUnit} is the unit a clerk or unit
 * leader sees the board for (null for the whole city); their load is then one row, that unit's.
 */
public record Board(LocalDateTime now, String scopeUnit, BoardSection overdue, BoardSection emergencySoon,
                    BoardSection dueToday, BoardSection dueSoon, List<UnitLoad> units) {
}
