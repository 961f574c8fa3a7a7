package org.civitas.cases.lifecycle;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.CurrentUser;
import org.civitas.cases.CaseAction;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The supervision feature's rows in a case's history: reminders, supervision orders and the units' answers. */
@Service
public class SupervisionRecords {

    private final CaseRepository cases;
    private final CaseStore store;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final NamedParameterJdbcTemplate jdbc;

    SupervisionRecords(CaseRepository cases, CaseStore store, CaseAccess access, CaseSteps steps,
                       NamedParameterJdbcTemplate jdbc) {
        this.cases = cases;
        this.store = store;
        this.access = access;
        this.steps = steps;
        this.jdbc = jdbc;
    }

    /**
     * Appends a supervision record to the case's history in the caller's transaction: a reminder or supervision
     * order issued by a supervisor ({@code REMIND}, {@code SUPERVISE}), or a unit's answer to one
     * ({@code ANSWER_SUPERVISION}, by a clerk of a unit the case concerns). The state does not change; the case
     * table refuses it on a finished case. The deadline sweep writes its own rows in bulk ({@link #recordAutomatic}).
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_CLERK')")
    @Transactional
    public void recordSupervision(long caseId, CaseAction action, String note) {
        CaseFile c = cases.findForUpdate(caseId).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        if (action != CaseAction.REMIND && action != CaseAction.SUPERVISE
                && action != CaseAction.ANSWER_SUPERVISION) {
            throw new IllegalArgumentException("not a supervision record: " + action);
        }
        // a supervisor reminds and supervises; a clerk of a unit the case concerns answers
        CasePolicy.require(access.policyActor(), CasePolicy.Subject.of(c), action);
        c.recordRequest(action, access.actor(), steps.now(), note);
        store.save(c);
    }

    // --- the deadline sweep's writes: set-based, thousands of cases a statement, in the sweep's transaction, which
    // has read these cases FOR UPDATE. They are the cases feature's tables, so the SQL is here (docs/decisions/DD002).

    /** Marks that the cases entered their warning window at {@code now}: the mark counts for the current deadline. */
    @PreAuthorize("permitAll()") // the deadline sweep, a scheduled job with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteWarning(LocalDateTime now, Collection<Long> caseIds) {
        jdbc.update("update case_file set warning_noted_at = :now where id in (:ids)", params(now, caseIds));
    }

    /** Marks that the cases went overdue at {@code now}: the mark counts for the current deadline. */
    @PreAuthorize("permitAll()") // the deadline sweep, a scheduled job with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteOverdue(LocalDateTime now, Collection<Long> caseIds) {
        jdbc.update("update case_file set overdue_noted_at = :now where id in (:ids)", params(now, caseIds));
    }

    /**
     * The history rows of the sweep's automatic reminders ({@code REMIND}) or supervision orders ({@code SUPERVISE}):
     * by the system, at {@code now}, for the lead unit, the state unchanged.
     */
    @PreAuthorize("permitAll()") // the deadline sweep, a scheduled job with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAutomatic(LocalDateTime now, Collection<Long> caseIds, CaseAction action) {
        if (action != CaseAction.REMIND && action != CaseAction.SUPERVISE) {
            throw new IllegalArgumentException("not an automatic supervision record: " + action);
        }
        jdbc.update("""
                insert into case_history (case_id, at, actor, action, from_status, to_status, unit_code, note, internal)
                select id, :now, :system, :action, status, status, lead_unit_code, null, false
                from case_file where id in (:ids)""",
                params(now, caseIds).addValue("system", CurrentUser.SYSTEM).addValue("action", action.name()));
    }

    private static MapSqlParameterSource params(LocalDateTime now, Collection<Long> caseIds) {
        return new MapSqlParameterSource().addValue("now", Timestamp.valueOf(now)).addValue("ids", caseIds);
    }
}
