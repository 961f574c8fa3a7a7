package org.civitas.cases;

import org.civitas.base.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Saves a case together with the history rows its transitions made: the one way a case is written. */
@Component
class CaseStore {

    private final CaseRepository cases;
    private final CaseHistoryRepository history;
    private final ApplicationEventPublisher events;

    CaseStore(CaseRepository cases, CaseHistoryRepository history, ApplicationEventPublisher events) {
        this.cases = cases;
        this.history = history;
        this.events = events;
    }

    /** A concurrent change found at flush is refused like a stale view: the user is told, nothing is lost. */
    CaseFile save(CaseFile c) {
        CaseFile saved;
        try {
            saved = cases.saveAndFlush(c);
        } catch (ObjectOptimisticLockingFailureException | PessimisticLockingFailureException e) {
            // another transaction changed the case first (or the database broke a deadlock): this one rolls back
            throw new RuleViolation("case.error.changed", c.getNumber());
        }
        for (CaseHistory row : c.drainHistory()) {
            row.attachTo(saved.getId());
            history.save(row);
        }
        events.publishEvent(new CaseChanged(saved.getId(), saved.getNumber(), saved.getStatus(),
                saved.getLeadUnitCode()));
        return saved;
    }
}
