package org.civitas.cases.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.civitas.base.db.MultiRowInsert;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.CasesFiled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Writes cases together with the history rows their transitions made: {@link #insertAll} every new case (whichever
 * way it came, docs/decisions/DD049-one-intake-path.md), {@link #save} every later change of one. Each announces
 * what it wrote: {@link CasesFiled} for new cases, {@link CaseChanged} for a changed one.
 */
@Component
class CaseStore {

    /** Cases per multi-row INSERT: 43 values a row, well under the 65,535 placeholders of a statement. */
    static final int CHUNK = 200;
    private static final MultiRowInsert CASES = new MultiRowInsert(
            "insert into case_file (" + CaseFile.INSERT_COLUMNS + ") values ", CaseFile.INSERT_VALUES, CHUNK);
    private static final MultiRowInsert CO_UNITS = new MultiRowInsert(
            "insert into case_co_unit (case_id, unit_code) values ", "(?, ?)", 1000);
    private static final MultiRowInsert HISTORY = new MultiRowInsert(CaseHistory.INSERT, CaseHistory.VALUES, 1000);

    private final CaseRepository cases;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    CaseStore(CaseRepository cases, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Saves a change of a case written before. A concurrent change found at flush is refused like a stale view: the
     * user is told, nothing is lost.
     */
    CaseFile save(CaseFile c) {
        if (c.getId() == null) {
            // a new case raises CasesFiled, never CaseChanged: its listeners must not hear of it two ways
            throw new IllegalStateException("A new case is written by insertAll, not save: " + c.getNumber());
        }
        CaseFile saved;
        try {
            saved = cases.saveAndFlush(c);
        } catch (ObjectOptimisticLockingFailureException | PessimisticLockingFailureException e) {
            // another transaction changed the case first (or the database broke a deadlock): this one rolls back
            throw new RuleViolation("case.error.changed", c.getNumber());
        }
        // one multi-row INSERT, not one JPA insert per row: a registration writes two
        HISTORY.write(jdbc, c.drainHistory().stream().map(CaseHistory::insertValues).toList());
        events.publishEvent(changed(saved, false));
        return saved;
    }

    /**
     * Writes new cases (never saved, Hibernate unaware of them) with their co-units and history rows: one multi-row
     * INSERT per table and chunk (docs/benchmarks.md, intake). Each case learns its id; one {@link CasesFiled} tells
     * the listeners of them all. The one place a new case is recorded, for every channel and the operator's form
     * ({@link CaseIntake}): a count of new cases belongs here or in a listener of {@link CasesFiled}.
     */
    void insertAll(List<CaseFile> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, CaseFile> byNumber = new HashMap<>();
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<CaseFile> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
            List<Object> values = new ArrayList<>();
            for (CaseFile c : chunk) {
                values.addAll(c.insertValues());
                byNumber.put(c.getNumber(), c);
            }
            // RETURNING: the ids of a multi-row insert, by number, whatever the server's auto-increment lock mode
            jdbc.query(CASES.sql(chunk.size()) + " returning id, number", rs -> {
                byNumber.get(rs.getString(2)).written(rs.getLong(1));
            }, values.toArray());
        }
        for (CaseFile c : fresh) {
            if (c.getId() == null) {
                throw new IllegalStateException("No id came back for case " + c.getNumber());
            }
        }
        CO_UNITS.write(jdbc, fresh.stream().flatMap(c -> c.getCoUnitCodes().stream()
                .map(unit -> List.<Object>of(c.getId(), unit))).toList());
        HISTORY.write(jdbc, fresh.stream().flatMap(c -> c.drainHistory().stream())
                .map(CaseHistory::insertValues).toList());
        events.publishEvent(new CasesFiled(fresh.stream().map(c -> changed(c, true)).toList(),
                fresh.stream().flatMap(c -> CaseSteps.dispatchOf(c).stream()).toList()));
    }

    private static CaseChanged changed(CaseFile c, boolean created) {
        return new CaseChanged(c.getId(), c.getNumber(), c.getStatus(), c.getLeadUnitCode(), c.getReceivedAt(),
                c.getChannel(), c.getChannelRef(), c.getCreatedBy(), created);
    }
}
