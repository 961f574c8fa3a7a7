package org.civitas.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.LimitUnit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deadline board's figures; a unit clerk or unit leader gets their unit's, scoped in the queries. */
@Service
public class BoardService {

    static final String BOARD = "hasAnyRole('SUPERVISOR','LEADER','UNIT_CLERK')";
    public static final int SECTION_LIMIT = 100;

    private final BoardQueries queries;
    private final SupervisionAccess access;
    private final CalendarService calendar;
    private final Clock clock;

    BoardService(BoardQueries queries, SupervisionAccess access, CalendarService calendar, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.calendar = calendar;
        this.clock = clock;
    }

    @PreAuthorize(BOARD)
    @Transactional(readOnly = true)
    public Board board() {
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<String> scope = access.scopedUnit();
        // 24:00 today is stored as 00:00 tomorrow and is still today
        LocalDateTime endOfToday = now.toLocalDate().plusDays(1).atStartOfDay();
        LocalDateTime threeWorkingDays = calendar.deadlineCalculator().handleDue(now, 3, LimitUnit.WORKING_DAYS);
        return new Board(now,
                queries.dueBefore(now, scope, SECTION_LIMIT),
                queries.dueBetween(now, now.plusHours(2), true, scope, SECTION_LIMIT),
                queries.dueBetween(now, endOfToday, false, scope, SECTION_LIMIT),
                queries.dueBetween(endOfToday.plusNanos(1000), threeWorkingDays, false, scope, SECTION_LIMIT),
                queries.unitLoads(now, scope));
    }
}
