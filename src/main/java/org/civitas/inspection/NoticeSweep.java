package org.civitas.inspection;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks overdue rectification notices every few minutes, once across the nodes. */
@Component
class NoticeSweep {

    private final NoticeService notices;

    NoticeSweep(NoticeService notices) {
        this.notices = notices;
    }

    @Scheduled(cron = "${civitas.inspection.sweep-cron:0 */5 * * * *}")
    @SchedulerLock(name = "notice-sweep", lockAtMostFor = "PT5M")
    void run() {
        notices.sweepOverdue();
    }
}
