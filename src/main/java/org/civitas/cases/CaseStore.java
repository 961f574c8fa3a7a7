package org.civitas.cases;

import java.util.ArrayList;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Saves a case together with the history rows its transitions made: the one way a case is written. */
@Component
class CaseStore {

    private final CaseRepository cases;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    CaseStore(CaseRepository cases, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A concurrent change found at flush is refused like a stale view: the user is told, nothing is lost. */
    CaseFile save(CaseFile c) {
        boolean created = c.getId() == null;
        CaseFile saved;
        try {
            saved = cases.saveAndFlush(c);
        } catch (ObjectOptimisticLockingFailureException | PessimisticLockingFailureException e) {
            // another transaction changed the case first (or the database broke a deadlock): this one rolls back
            throw new RuleViolation("case.error.changed", c.getNumber());
        }
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder(CaseHistory.INSERT);
        for (CaseHistory row : c.drainHistory()) {
            row.attachTo(saved.getId());
            if (!values.isEmpty()) {
                sql.append(", ").append(CaseHistory.VALUES);
            }
            values.addAll(row.insertValues());
        }
        // one multi-row INSERT, not one JPA insert per row: a registration writes two
        if (!values.isEmpty()) {
            jdbc.update(sql.toString(), values.toArray());
        }
        events.publishEvent(new CaseChanged(saved.getId(), saved.getNumber(), saved.getStatus(),
                saved.getLeadUnitCode(), saved.getReceivedAt(), saved.getChannel(), saved.getChannelRef(),
                saved.getCreatedBy(), created));
        return saved;
    }
}
