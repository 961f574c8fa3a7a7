package org.civitas.inspection;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks overdue rectification notices every few minutes, once across the nodes. */
@Component
class NoticeSweep {

    private final InspectionService inspections;

    NoticeSweep(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Scheduled(cron = "${civitas.inspection.sweep-cron:0 */5 * * * *}")
    @SchedulerLock(name = "notice-sweep", lockAtMostFor = "PT5M")
    void run() {
        inspections.sweepOverdue();
    }
}
