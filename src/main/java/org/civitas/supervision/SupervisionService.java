package org.civitas.supervision;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.SupervisionRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders (催办) and supervision orders (督办, 挂牌督办) issued by the city office, answered by the unit. Every issue
 * and answer is also a row of the case's history, written in the same transaction. A clerk's unit is part of every
 * query and load, never a filter on the result.
 */
@Service
public class SupervisionService {

    static final String SUPERVISOR = "hasRole('SUPERVISOR')";
    static final String CLERK = "hasRole('UNIT_CLERK')";
    static final String READ = "hasAnyRole('SUPERVISOR','UNIT_CLERK','LEADER')";
    static final int MAX_PAGE = 500;

    private final SupervisionOrderRepository orders;
    private final SupervisionAccess access;
    private final CaseService cases;
    private final SupervisionRecords records;
    private final EntityManager em;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisionService(SupervisionOrderRepository orders, SupervisionAccess access, CaseService cases,
                       SupervisionRecords records, EntityManager em, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.access = access;
        this.cases = cases;
        this.records = records;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /** A supervisor presses the unit leading the case; {@code dueAt} (optional) is when the answer is due. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public OrderRow issue(long caseId, SupervisionLevel level, String reason, LocalDateTime dueAt) {
        if (level == null) {
            throw new RuleViolation("supervision.error.levelRequired");
        }
        String text = requireText(reason);
        LocalDateTime now = now();
        if (dueAt != null && !dueAt.isAfter(now)) {
            throw new RuleViolation("supervision.error.dueInPast");
        }
        CaseDetails c = cases.get(caseId);
        if (c.leadUnitCode() == null) {
            throw new RuleViolation("supervision.error.noUnit", c.number());
        }
        records.recordSupervision(caseId, level == SupervisionLevel.REMINDER ? CaseAction.REMIND : CaseAction.SUPERVISE,
                text);
        SupervisionOrder o = orders.saveAndFlush(new SupervisionOrder(caseId, c.number(), c.leadUnitCode(), level, text,
                access.actor(), now, dueAt, c.handleDueAt()));
        events.publishEvent(new SupervisionOrderIssued(o.getId(), caseId, c.number(), c.leadUnitCode(), level,
                dueAt));
        return o.toRow();
    }

    /** The clerk of the unit the order is addressed to answers it; anyone else is denied. */
    @PreAuthorize(CLERK)
    @Transactional
    public OrderRow answer(long orderId, String text) {
        String answer = requireText(text);
        String unit = access.clerkUnit();
        SupervisionOrder o = orders.findByIdAndUnitCode(orderId, unit).orElseThrow(() -> orders.existsById(orderId)
                ? new AccessDeniedException("order " + orderId + " is not addressed to " + unit)
                : new RuleViolation("error.notFound"));
        o.answer(answer, access.actor(), now());
        records.recordSupervision(o.getCaseId(), CaseAction.ANSWER_SUPERVISION, answer);
        o = save(o);
        events.publishEvent(new SupervisionOrderAnswered(o.getId(), o.getCaseId(), o.getCaseNumber(),
                o.getUnitCode(), o.getIssuedBy(), access.actor()));
        return o.toRow();
    }

    /** The supervisor closes an order, answered or not (e.g. the case was closed meanwhile). */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public OrderRow close(long orderId, String note) {
        SupervisionOrder o = orders.findById(orderId).orElseThrow(() -> new RuleViolation("error.notFound"));
        o.close(note == null || note.isBlank() ? null : note.trim(), access.actor(), now());
        return save(o).toRow();
    }

    /**
     * One page of orders, newest first, after the order {@code afterId} (null: the first page). Keyset paging on
     * the id: a deep page costs what the first costs, and no count is run.
     */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<OrderRow> page(OrderFilter filter, Long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("""
                select new org.civitas.supervision.OrderRow(o.id, o.caseId, o.caseNumber, o.unitCode, o.level,
                       o.reason, o.issuedBy, o.issuedAt, o.dueAt, o.auto, o.state, o.answer, o.answeredBy,
                       o.answeredAt, o.closedBy, o.closedAt, o.closeNote, o.version)
                from SupervisionOrder o where 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        access.scopedUnit().ifPresent(unit -> {
            jpql.append(" and o.unitCode = :scope");
            params.put("scope", unit);
        });
        OrderFilter f = filter == null ? OrderFilter.any() : filter;
        if (f.states() != null && !f.states().isEmpty()) {
            jpql.append(" and o.state in :states");
            params.put("states", f.states());
        }
        if (f.levels() != null && !f.levels().isEmpty()) {
            jpql.append(" and o.level in :levels");
            params.put("levels", f.levels());
        }
        if (f.unitCode() != null && !f.unitCode().isBlank()) {
            jpql.append(" and o.unitCode = :unit");
            params.put("unit", f.unitCode().trim());
        }
        if (f.auto() != null) {
            jpql.append(" and o.auto = :auto");
            params.put("auto", f.auto());
        }
        if (f.issuedFrom() != null) {
            jpql.append(" and o.issuedAt >= :from");
            params.put("from", f.issuedFrom().atStartOfDay());
        }
        if (f.issuedTo() != null) {
            jpql.append(" and o.issuedAt < :to");
            params.put("to", f.issuedTo().plusDays(1).atStartOfDay());
        }
        if (afterId != null) {
            jpql.append(" and o.id < :afterId");
            params.put("afterId", afterId);
        }
        jpql.append(" order by o.id desc");
        TypedQuery<OrderRow> q = em.createQuery(jpql.toString(), OrderRow.class);
        params.forEach(q::setParameter);
        q.setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE));
        return q.getResultList();
    }

    /** The orders of one case, oldest first; whoever may read the case may read them. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<OrderRow> ordersOf(long caseId) {
        // the case's own scope check: a clerk of another unit is denied here
        long id = cases.get(caseId).id();
        return orders.findByCaseIdOrderByIdAsc(id).stream().map(SupervisionOrder::toRow).toList();
    }

    private SupervisionOrder save(SupervisionOrder o) {
        try {
            return orders.saveAndFlush(o);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation("supervision.error.changed", o.getCaseNumber());
        }
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("case.error.reasonRequired");
        }
        return text.trim();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
