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

    /** The board, narrowed by {@code filter} (in the queries: the lists stop at the limit, the totals do not). */
    @PreAuthorize(BOARD)
    @Transactional(readOnly = true)
    public Board board(BoardFilter filter) {
        BoardFilter f = filter == null ? BoardFilter.none() : filter;
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<String> scope = access.scopedUnit();
        // 24:00 today is stored as 00:00 tomorrow and is still today
        LocalDateTime endOfToday = now.toLocalDate().plusDays(1).atStartOfDay();
        LocalDateTime soonFrom = endOfToday.plusNanos(1000);
        LocalDateTime twoHours = now.plusHours(2);
        LocalDateTime threeWorkingDays = calendar.deadlineCalculator().handleDue(now, 3, LimitUnit.WORKING_DAYS);
        long[] totals = queries.sectionTotals(now, twoHours, endOfToday, soonFrom, threeWorkingDays, scope, f);
        return new Board(now, scope.orElse(null),
                new BoardSection(queries.dueBefore(now, scope, f, SECTION_LIMIT), totals[0]),
                new BoardSection(queries.dueBetween(now, twoHours, true, scope, f, SECTION_LIMIT), totals[1]),
                new BoardSection(queries.dueBetween(now, endOfToday, false, scope, f, SECTION_LIMIT), totals[2]),
                new BoardSection(queries.dueBetween(soonFrom, threeWorkingDays, false, scope, f, SECTION_LIMIT),
                        totals[3]),
                queries.unitLoads(now, scope, f));
    }
}
