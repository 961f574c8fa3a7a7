package org.civitas.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The inbox query: filters, unit scope and keyset paging in one JPQL statement over the indexed columns of
 * {@code case_file}. No count query is ever run.
 */
@Component
class CaseQueries {

    private final EntityManager em;

    CaseQueries(EntityManager em) {
        this.em = em;
    }

    List<CaseRow> page(CaseFilter f, Optional<String> scopeUnit, InboxCursor after, int limit, boolean maskPhone,
                       LocalDateTime now) {
        StringBuilder jpql = new StringBuilder("""
                select new org.civitas.cases.CaseRow(c.id, c.number, c.status, c.channel, c.receivedAt,
                       c.categoryCode, c.itemCode, c.urgency, c.districtCode, c.streetCode, c.address,
                       c.leadUnitCode, c.handlingUnitCode, c.signDueAt, c.handleDueAt, c.warnAt,
                       c.complainantPhone, c.reopenCount)
                from CaseFile c where 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        scopeUnit.ifPresent(unit -> {
            jpql.append(" and (c.leadUnitCode = :scope or c.handlingUnitCode = :scope"
                    + " or exists (select 1 from CaseFile co join co.coUnitCodes u where co.id = c.id and u = :scope))");
            params.put("scope", unit);
        });
        where(jpql, params, f, now);
        if (after != null) {
            if (after.handleDueAt() == null) {
                jpql.append(" and ((c.handleDueAt is null and c.id > :afterId) or c.handleDueAt is not null)");
            } else {
                jpql.append(" and (c.handleDueAt > :afterDue or (c.handleDueAt = :afterDue and c.id > :afterId))");
                params.put("afterDue", after.handleDueAt());
            }
            params.put("afterId", after.id());
        }
        jpql.append(" order by c.handleDueAt asc, c.id asc");
        TypedQuery<CaseRow> q = em.createQuery(jpql.toString(), CaseRow.class);
        params.forEach(q::setParameter);
        q.setMaxResults(limit);
        List<CaseRow> rows = q.getResultList();
        if (!maskPhone) {
            return rows;
        }
        List<CaseRow> masked = new ArrayList<>(rows.size());
        for (CaseRow r : rows) {
            masked.add(new CaseRow(r.id(), r.number(), r.status(), r.channel(), r.receivedAt(), r.categoryCode(),
                    r.itemCode(), r.urgency(), r.districtCode(), r.streetCode(), r.address(), r.leadUnitCode(),
                    r.handlingUnitCode(), r.signDueAt(), r.handleDueAt(), r.warnAt(), PhoneMask.mask(r.phone()),
                    r.reopenCount()));
        }
        return masked;
    }

    private static void where(StringBuilder jpql, Map<String, Object> params, CaseFilter f, LocalDateTime now) {
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            jpql.append(" and c.status in :statuses");
            params.put("statuses", f.statuses());
        }
        eq(jpql, params, "categoryCode", f.categoryCode());
        eq(jpql, params, "itemCode", f.itemCode());
        eq(jpql, params, "leadUnitCode", f.leadUnitCode());
        eq(jpql, params, "districtCode", f.districtCode());
        eq(jpql, params, "streetCode", f.streetCode());
        eq(jpql, params, "urgency", f.urgency());
        eq(jpql, params, "number", f.number() == null ? null : f.number().trim().toUpperCase());
        eq(jpql, params, "complainantPhone", f.phone() == null ? null : f.phone().trim());
        if (f.channel() != null) {
            jpql.append(" and c.channel = :channel");
            params.put("channel", f.channel());
        }
        if (f.receivedFrom() != null) {
            jpql.append(" and c.receivedAt >= :receivedFrom");
            params.put("receivedFrom", f.receivedFrom().atStartOfDay());
        }
        if (f.receivedTo() != null) {
            jpql.append(" and c.receivedAt < :receivedTo");
            params.put("receivedTo", f.receivedTo().plusDays(1).atStartOfDay());
        }
        if (f.overdue() || f.dueSoon()) {
            jpql.append(" and c.status in :awaiting");
            params.put("awaiting", CaseStatus.AWAITING_UNIT);
        }
        if (f.overdue()) {
            jpql.append(" and c.handleDueAt < :now");
            params.put("now", now);
        }
        if (f.dueSoon()) {
            // in the warning window and not yet overdue
            jpql.append(" and c.warnAt <= :soonNow and c.handleDueAt >= :soonNow");
            params.put("soonNow", now);
        }
    }

    private static void eq(StringBuilder jpql, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            jpql.append(" and c.").append(field).append(" = :").append(field);
            params.put(field, value.trim());
        }
    }
}
