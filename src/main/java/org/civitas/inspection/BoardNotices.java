package org.civitas.inspection;

import org.civitas.supervision.OverdueNotices;
import org.springframework.stereotype.Component;

/** The deadline board's count of overdue notices, with the notice service's own role check and unit scope. */
@Component
class BoardNotices implements OverdueNotices {

    private final NoticeService notices;

    BoardNotices(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public long overdueCount() {
        return notices.overdueCount();
    }
}
