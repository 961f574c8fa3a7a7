package org.civitas.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
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
    /** The most rows one page of a list may ask for. */
    static final int PAGE_MAX = 500;

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
        Bounds b = bounds(LocalDateTime.now(clock));
        Optional<String> scope = access.scopedUnit();
        long[] totals = queries.sectionTotals(b.now, b.twoHours, b.endOfToday, b.soonFrom, b.threeWorkingDays, scope,
                f);
        return new Board(b.now, scope.orElse(null),
                new BoardSection(list(BoardPart.OVERDUE, b, scope, f, 0, SECTION_LIMIT), totals[0]),
                new BoardSection(list(BoardPart.EMERGENCY, b, scope, f, 0, SECTION_LIMIT), totals[1]),
                new BoardSection(list(BoardPart.TODAY, b, scope, f, 0, SECTION_LIMIT), totals[2]),
                new BoardSection(list(BoardPart.SOON, b, scope, f, 0, SECTION_LIMIT), totals[3]),
                queries.unitLoads(b.now, scope, f));
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of one list of the board as it stood at {@code now} (the board's
     * own time), so that the pages of a list scrolled beyond its first {@link #SECTION_LIMIT} agree with its total.
     */
    @PreAuthorize(BOARD)
    @Transactional(readOnly = true)
    public List<BoardCase> page(BoardPart part, BoardFilter filter, LocalDateTime now, int offset, int limit) {
        BoardFilter f = filter == null ? BoardFilter.none() : filter;
        return list(part, bounds(now), access.scopedUnit(), f, Math.max(0, offset),
                Math.max(0, Math.min(limit, PAGE_MAX)));
    }

    private List<BoardCase> list(BoardPart part, Bounds b, Optional<String> scope, BoardFilter f, int offset,
                                 int limit) {
        return switch (part) {
            case OVERDUE -> queries.dueBefore(b.now, scope, f, offset, limit);
            case EMERGENCY -> queries.dueBetween(b.now, b.twoHours, true, scope, f, offset, limit);
            case TODAY -> queries.dueBetween(b.now, b.endOfToday, false, scope, f, offset, limit);
            case SOON -> queries.dueBetween(b.soonFrom, b.threeWorkingDays, false, scope, f, offset, limit);
        };
    }

    private Bounds bounds(LocalDateTime now) {
        // 24:00 today is stored as 00:00 tomorrow and is still today
        LocalDateTime endOfToday = now.toLocalDate().plusDays(1).atStartOfDay();
        return new Bounds(now, now.plusHours(2), endOfToday, endOfToday.plusNanos(1000),
                calendar.deadlineCalculator().handleDue(now, 3, LimitUnit.WORKING_DAYS));
    }

    /** Where the lists start and end at {@code now}. */
    private record Bounds(LocalDateTime now, LocalDateTime twoHours, LocalDateTime endOfToday, LocalDateTime soonFrom,
                          LocalDateTime threeWorkingDays) {
    }
}
