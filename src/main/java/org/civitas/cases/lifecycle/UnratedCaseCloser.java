package org.civitas.cases.lifecycle;

import java.time.Clock;
import java.time.LocalDateTime;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.WorkingCalendar;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes replied cases nobody rated within {@code civitas.cases.rating-working-days} working days as "not rated";
 * they are left out of satisfaction rates. Each case closes in its own transaction, so one failure stops nothing.
 */
@Component
class UnratedCaseCloser {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(UnratedCaseCloser.class);

    private final CaseRepository cases;
    private final CaseStore store;
    private final CalendarService calendar;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int workingDays;

    UnratedCaseCloser(CaseRepository cases, CaseStore store, CalendarService calendar, TransactionTemplate tx,
                      Clock clock, @Value("${civitas.cases.rating-working-days:3}") int workingDays) {
        this.cases = cases;
        this.store = store;
        this.calendar = calendar;
        this.tx = tx;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    @Scheduled(cron = "${civitas.cases.close-unrated-cron:0 5 * * * *}")
    int closeUnrated() {
        LocalDateTime now = LocalDateTime.now(clock);
        WorkingCalendar cal = calendar.workingCalendar();
        int closed = 0;
        // every case replied before this many calendar days is a candidate; the calendar decides exactly
        for (Long id : cases.findUnratedRepliedBefore(now.minusDays(workingDays))) {
            Boolean done = tx.execute(status -> {
                CaseFile c = cases.findById(id).orElseThrow();
                LocalDateTime limit = cal.plusWorkingDays(c.getRepliedAt().toLocalDate(), workingDays)
                        .plusDays(1).atStartOfDay();
                if (c.getStatus() != CaseStatus.REPLIED || c.getRating() != null || now.isBefore(limit)) {
                    return false;
                }
                c.close(CaseAction.CLOSE_NOT_RATED, CloseReason.NOT_RATED, SYSTEM, now, null);
                store.save(c);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                closed++;
            }
        }
        if (closed > 0) {
            log.info("Closed {} replied cases as not rated", closed);
        }
        return closed;
    }
}
