package org.civitas.scoring;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.catalog.PeerGroup;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live figures of a month, grouped in SQL (never by loading cases). A month's cases are those received in it,
 * counted against their lead unit; facts are judged at the cut-off: the month's end, or now while the month runs.
 * <ul>
 *   <li>on time: replied on time ÷ (replied by the cut-off + still unreplied and past the deadline at the cut-off);</li>
 *   <li>sign on time: signed on time ÷ (signed + still unsigned past the sign deadline);</li>
 *   <li>satisfaction: satisfied and basically satisfied ÷ rated (unrated cases left out); solved: solved ÷ judged.</li>
 * </ul>
 * Deductions are facts dated in the month: supervision orders (督办 and 挂牌督办, not 催办) by issue time, reopens
 * and rejected returns by their history entry, emergency cases of the month that were late, and the facts of every
 * {@link DeductionSource}.
 */
@Component
class ScoreQueries {

    /** A case is late at the cut-off: replied late before it, or not replied by it and past its deadline. */
    private static final String LATE = """
            ((c.replied_on_time = 0 and c.replied_at < :cut)
             or (c.handle_due_at < :cut and (c.replied_at is null or c.replied_at >= :cut)))""";
    private static final String OPEN_OVERDUE = "(c.handle_due_at < :cut and (c.replied_at is null or c.replied_at >= :cut))";
    private static final String COUNTED = " c.received_at >= :from and c.received_at < :to"
            + " and c.status not in ('INVALID','MERGED') and c.lead_unit_code is not null";

    private static final String FIGURES = """
            select u.code, u.name, u.peer_group,
                   coalesce(f.cases, 0) cases, coalesce(f.signed_ok, 0) signed_ok, coalesce(f.sign_base, 0) sign_base,
                   coalesce(f.replied_ok, 0) replied_ok, coalesce(f.on_time_base, 0) on_time_base,
                   coalesce(f.satisfied, 0) satisfied, coalesce(f.rated, 0) rated,
                   coalesce(f.solved, 0) solved, coalesce(f.solved_base, 0) solved_base
            from unit u left join (
                select c.lead_unit_code unit_code, count(*) cases,
                       sum(c.signed_on_time = 1 and c.signed_at < :cut) signed_ok,
                       sum((c.signed_at is not null and c.signed_at < :cut)
                           or ((c.signed_at is null or c.signed_at >= :cut) and c.sign_due_at < :cut)) sign_base,
                       sum(c.replied_on_time = 1 and c.replied_at < :cut) replied_ok,
                       sum(c.replied_at < :cut or %s) on_time_base,
                       sum(c.rating in ('SATISFIED','BASICALLY_SATISFIED')) satisfied,
                       sum(c.rating is not null) rated,
                       sum(c.solved = 1) solved,
                       sum(c.solved is not null) solved_base
                from case_file c force index (ix_case_month_scores)
                where %s
                group by c.lead_unit_code) f on f.unit_code = u.code
            where u.peer_group is not null and (u.active or f.cases > 0)""".formatted(OPEN_OVERDUE, COUNTED);

    /** Every fact of the month from the database, as (unit, kind, case, reference, at). */
    private static final String FACTS = """
            select o.unit_code unit_code, 'SUPERVISION_ORDER' kind, o.case_id case_id, o.case_number reference,
                   o.issued_at at
            from supervision_order o
            where o.level in ('SUPERVISION','LISTED') and o.issued_at >= :from and o.issued_at < :to
            union all
            select coalesce(h.unit_code, c.lead_unit_code), 'REOPEN', c.id, c.number, h.at
            from case_history h join case_file c on c.id = h.case_id
            where h.action = 'REOPEN' and h.at >= :from and h.at < :to
            union all
            select coalesce(h.unit_code, c.lead_unit_code), 'RETURN_REJECTED', c.id, c.number, h.at
            from case_history h join case_file c on c.id = h.case_id
            where h.action = 'REJECT_RETURN' and h.at >= :from and h.at < :to
            union all
            select c.lead_unit_code, 'OVERDUE_EMERGENCY', c.id, c.number, c.handle_due_at
            from case_file c force index (ix_case_month_scores)
            where %s and c.urgency = 'EMERGENCY' and %s""".formatted(COUNTED, LATE);

    private final NamedParameterJdbcTemplate jdbc;
    private final List<DeductionSource> sources;

    ScoreQueries(NamedParameterJdbcTemplate jdbc, List<DeductionSource> sources) {
        this.jdbc = jdbc;
        this.sources = sources;
    }

    /** Every unit with a peer group, scored and ranked by the given rules. */
    List<UnitScore> scores(YearMonth month, ScoringRules rules, LocalDateTime now) {
        MapSqlParameterSource p = params(month, now);
        Map<String, Map<DeductionKind, Long>> facts = new HashMap<>();
        jdbc.query("select unit_code, kind, count(*) n from (" + FACTS + ") d group by unit_code, kind", p, rs -> {
            facts.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(DeductionKind.class))
                    .merge(DeductionKind.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
        });
        for (Deduction d : outsideFacts(month, rules, null)) {
            facts.computeIfAbsent(d.unitCode(), k -> new EnumMap<>(DeductionKind.class)).merge(d.kind(), 1L, Long::sum);
        }
        List<UnitScore> scores = jdbc.query(FIGURES, p, (rs, i) -> {
            String code = rs.getString("code");
            long cases = rs.getLong("cases");
            Ratio sign = new Ratio(rs.getLong("signed_ok"), rs.getLong("sign_base"));
            Ratio onTime = new Ratio(rs.getLong("replied_ok"), rs.getLong("on_time_base"));
            Ratio satisfaction = new Ratio(rs.getLong("satisfied"), rs.getLong("rated"));
            Ratio solved = new Ratio(rs.getLong("solved"), rs.getLong("solved_base"));
            ScoreFormula.Result r = ScoreFormula.score(new ScoreFormula.Inputs(cases, sign, onTime, satisfaction,
                    solved, facts.getOrDefault(code, Map.of())), rules);
            return new UnitScore(code, rs.getString("name"), PeerGroup.valueOf(rs.getString("peer_group")), cases, sign,
                    onTime, satisfaction, solved, r.deductions(), r.score(), r.ranked(), null, r.band());
        });
        return rank(scores);
    }

    /** A unit's deductions of the month (all units when {@code unitCode} is null), newest first. */
    List<Deduction> deductions(YearMonth month, ScoringRules rules, LocalDateTime now, String unitCode) {
        MapSqlParameterSource p = params(month, now).addValue("unit", unitCode);
        String sql = "select * from (" + FACTS + ") d" + (unitCode == null ? "" : " where d.unit_code = :unit");
        List<Deduction> all = new ArrayList<>(jdbc.query(sql, p, (rs, i) -> {
            DeductionKind kind = DeductionKind.valueOf(rs.getString("kind"));
            return new Deduction(rs.getString("unit_code"), kind, rs.getLong("case_id"), rs.getString("reference"),
                    rs.getObject("at", LocalDateTime.class), rules.points(kind));
        }));
        all.addAll(outsideFacts(month, rules, unitCode));
        all.sort(Comparator.comparing(Deduction::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    private List<Deduction> outsideFacts(YearMonth month, ScoringRules rules, String unitCode) {
        List<Deduction> out = new ArrayList<>();
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        for (DeductionSource source : sources) {
            for (DeductionFact f : source.facts(from, to)) {
                DeductionKind kind = kindOf(f.kind());
                if (kind != null && (unitCode == null || unitCode.equals(f.unitCode()))) {
                    out.add(new Deduction(f.unitCode(), kind, null, f.reference(), f.at(), rules.points(kind)));
                }
            }
        }
        return out;
    }

    private static DeductionKind kindOf(String name) {
        try {
            return DeductionKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // a kind the rules do not price costs nothing
        }
    }

    /** Competition ranking (1, 1, 3) by score within the peer group, among units with enough cases. */
    static List<UnitScore> rank(List<UnitScore> scores) {
        List<UnitScore> out = new ArrayList<>(scores.size());
        Map<PeerGroup, List<UnitScore>> byGroup = new EnumMap<>(PeerGroup.class);
        for (UnitScore s : scores) {
            if (s.ranked()) {
                byGroup.computeIfAbsent(s.peerGroup(), g -> new ArrayList<>()).add(s);
            } else {
                out.add(s);
            }
        }
        for (List<UnitScore> group : byGroup.values()) {
            group.sort(Comparator.comparing(UnitScore::score, Comparator.reverseOrder()));
            for (int i = 0; i < group.size(); i++) {
                UnitScore s = group.get(i);
                int rank = i > 0 && group.get(i - 1).score().compareTo(s.score()) == 0 ? out.get(out.size() - 1).rank()
                        : i + 1;
                out.add(new UnitScore(s.unitCode(), s.unitName(), s.peerGroup(), s.cases(), s.sign(), s.onTime(),
                        s.satisfaction(), s.solved(), s.deductions(), s.score(), true, rank, s.band()));
            }
        }
        return out;
    }

    private static MapSqlParameterSource params(YearMonth month, LocalDateTime now) {
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        LocalDateTime cut = now.isBefore(to) ? now : to;
        return new MapSqlParameterSource().addValue("from", from).addValue("to", to).addValue("cut", cut);
    }
}
