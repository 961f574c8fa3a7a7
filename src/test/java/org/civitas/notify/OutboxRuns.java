package org.civitas.notify;

import org.springframework.context.ApplicationContext;

/** For tests outside this package: one run of the outbox dispatcher now, as its schedule would make it. */
public final class OutboxRuns {

    private OutboxRuns() {
    }

    public static int dispatchDue(ApplicationContext context) {
        return context.getBean(OutboxDispatcher.class).dispatchDue();
    }
}
