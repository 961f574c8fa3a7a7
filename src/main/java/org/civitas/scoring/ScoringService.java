package org.civitas.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.PeerGroup;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly scores and rankings, the monthly bulletin (每月通报) and the bi-monthly and annual assessment. A month is
 * computed live until a supervisor publishes it; publishing freezes every figure, rank and deduction in snapshot
 * tables, and from then on the month is read from them only. City-wide figures: supervisors and leaders; unit clerks
 * see the published figures on the public page.
 */
@Service
public class ScoringService {

    static final String READ = ScoringRuleService.READ;
    static final int TOP_ITEMS = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final ScoreQueries queries;
    private final ScoringRuleService rules;
    private final CatalogService catalog;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoringService(NamedParameterJdbcTemplate jdbc, ScoreQueries queries, ScoringRuleService rules,
                   CatalogService catalog, CurrentUser user, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.rules = rules;
        this.catalog = catalog;
        this.user = user;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public MonthlyScores month(YearMonth month) {
        return scoresOf(month);
    }

    /** The unit's priced facts of the month, each with the case it comes from. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Deduction> deductions(YearMonth month, String unitCode) {
        if (isPublished(month)) {
            return jdbc.query("""
                    select * from scoring_bulletin_deduction where month = :m and unit_code = :u
                    order by at desc, id""", new MapSqlParameterSource("m", first(month)).addValue("u", unitCode),
                    (rs, i) -> new Deduction(rs.getString("unit_code"), DeductionKind.valueOf(rs.getString("kind")),
                            (Long) rs.getObject("case_id", Long.class), rs.getString("reference"),
                            rs.getObject("at", LocalDateTime.class), rs.getBigDecimal("points")));
        }
        return queries.deductions(month, rules.applying(month), now(), unitCode);
    }

    /** Publishes the month's bulletin: freezes its figures. Only a month that has ended, and only once. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    public MonthlyScores publish(YearMonth month) {
        LocalDateTime now = now();
        if (!month.isBefore(YearMonth.from(now))) {
            throw new RuleViolation("scoring.error.monthNotOver", month.toString());
        }
        if (isPublished(month)) {
            throw new RuleViolation("scoring.error.published", month.toString());
        }
        ScoringRules r = rules.applying(month);
        List<UnitScore> scores = queries.scores(month, r, now);
        Date m = first(month);
        jdbc.update("insert into scoring_bulletin values (:m, :r, :by, :at)", new MapSqlParameterSource("m", m)
                .addValue("r", Date.valueOf(lastVersion(month))).addValue("by", user.username()).addValue("at", now));
        jdbc.batchUpdate("""
                insert into scoring_bulletin_score (month, unit_code, unit_name, peer_group, cases, signed_ok, sign_base,
                    replied_ok, on_time_base, satisfied, rated, solved, solved_base, deduction_points, score, ranked,
                    peer_rank, band)
                values (:m, :code, :name, :group, :cases, :so, :sb, :ro, :ob, :sat, :rated, :sol, :solb, :ded, :score,
                    :ranked, :rank, :band)""", scores.stream().map(s -> new MapSqlParameterSource("m", m)
                .addValue("code", s.unitCode()).addValue("name", s.unitName()).addValue("group", s.peerGroup().name())
                .addValue("cases", s.cases()).addValue("so", s.sign().part()).addValue("sb", s.sign().whole())
                .addValue("ro", s.onTime().part()).addValue("ob", s.onTime().whole())
                .addValue("sat", s.satisfaction().part()).addValue("rated", s.satisfaction().whole())
                .addValue("sol", s.solved().part()).addValue("solb", s.solved().whole())
                .addValue("ded", s.deductions()).addValue("score", s.score()).addValue("ranked", s.ranked())
                .addValue("rank", s.rank()).addValue("band", s.band().name())).toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                insert into scoring_bulletin_deduction (month, unit_code, kind, case_id, reference, at, points)
                values (:m, :u, :k, :c, :ref, :at, :p)""", queries.deductions(month, r, now, null).stream()
                .map(d -> new MapSqlParameterSource("m", m).addValue("u", d.unitCode()).addValue("k", d.kind().name())
                        .addValue("c", d.caseId()).addValue("ref", d.reference()).addValue("at", d.at())
                        .addValue("p", d.points())).toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("insert into scoring_bulletin_item values (:m, :code, :name, :n)", topItems(month).stream()
                .map(i -> new MapSqlParameterSource("m", m).addValue("code", i.itemCode()).addValue("name", i.itemName())
                        .addValue("n", i.cases())).toArray(MapSqlParameterSource[]::new));
        events.publishEvent(new AuditEvent(user.username(), "BULLETIN_PUBLISHED", "scoring_bulletin",
                month.toString(), null, null, scores.size() + " units"));
        return scoresOf(month);
    }

    /** The months with a published bulletin, newest first (public). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<YearMonth> publishedMonths() {
        return jdbc.query("select month from scoring_bulletin order by month desc", Map.of(),
                (rs, i) -> YearMonth.from(rs.getDate(1).toLocalDate()));
    }

    /** A published month's figures for the public page; nothing for a month that is not published. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public PublicStats publicStats(YearMonth month) {
        if (!isPublished(month)) {
            throw new RuleViolation("scoring.error.notPublished", month.toString());
        }
        List<PublishedItem> items = jdbc.query("""
                select * from scoring_bulletin_item where month = :m order by cases desc, item_code""",
                new MapSqlParameterSource("m", first(month)), (rs, i) -> new PublishedItem(rs.getString("item_code"),
                        rs.getString("item_name"), rs.getLong("cases")));
        return new PublicStats(snapshot(month), items);
    }

    /** The year's monthly scores, bi-monthly evaluations and annual assessment of every unit. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<UnitYear> year(Year year) {
        YearMonth current = YearMonth.from(now());
        Map<String, BigDecimal[]> byUnit = new LinkedHashMap<>();
        Map<String, UnitScore> units = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = year.atMonth(m);
            if (month.isAfter(current)) {
                break;
            }
            for (UnitScore s : scoresOf(month).units()) {
                units.putIfAbsent(s.unitCode(), s);
                BigDecimal[] months = byUnit.computeIfAbsent(s.unitCode(), k -> new BigDecimal[12]);
                months[m - 1] = s.ranked() ? s.score() : null;
            }
        }
        List<UnitYear> rows = new ArrayList<>();
        for (var e : byUnit.entrySet()) {
            BigDecimal[] months = e.getValue();
            List<BigDecimal> bi = new ArrayList<>();
            for (int b = 0; b < 6; b++) {
                bi.add(average(months[2 * b], months[2 * b + 1]));
            }
            UnitScore u = units.get(e.getKey());
            rows.add(new UnitYear(u.unitCode(), u.unitName(), u.peerGroup(), java.util.Arrays.asList(months), bi,
                    average(months), null));
        }
        return rankYear(rows);
    }

    static BigDecimal average(BigDecimal... scores) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (BigDecimal s : scores) {
            if (s != null) {
                sum = sum.add(s);
                n++;
            }
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    private static List<UnitYear> rankYear(List<UnitYear> rows) {
        List<UnitYear> out = new ArrayList<>();
        for (PeerGroup g : PeerGroup.values()) {
            List<UnitYear> group = rows.stream().filter(r -> r.peerGroup() == g)
                    .sorted(Comparator.comparing(UnitYear::annual, Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(UnitYear::unitCode)).toList();
            Integer previousRank = null;
            for (int i = 0; i < group.size(); i++) {
                UnitYear r = group.get(i);
                Integer rank = null;
                if (r.annual() != null) {
                    rank = i > 0 && r.annual().equals(group.get(i - 1).annual()) ? previousRank : i + 1;
                }
                previousRank = rank;
                out.add(new UnitYear(r.unitCode(), r.unitName(), r.peerGroup(), r.months(), r.biMonths(), r.annual(),
                        rank));
            }
        }
        return out;
    }

    private MonthlyScores scoresOf(YearMonth month) {
        if (isPublished(month)) {
            return snapshot(month);
        }
        ScoringRules r = rules.applying(month);
        return new MonthlyScores(month, r, null, null, queries.scores(month, r, now()));
    }

    private MonthlyScores snapshot(YearMonth month) {
        MapSqlParameterSource p = new MapSqlParameterSource("m", first(month));
        Object[] head = jdbc.queryForObject("select published_at, published_by from scoring_bulletin where month = :m",
                p, (rs, i) -> new Object[] {rs.getObject(1, LocalDateTime.class), rs.getString(2)});
        List<UnitScore> units = jdbc.query("select * from scoring_bulletin_score where month = :m", p,
                (rs, i) -> new UnitScore(rs.getString("unit_code"), rs.getString("unit_name"),
                        PeerGroup.valueOf(rs.getString("peer_group")), rs.getLong("cases"),
                        new Ratio(rs.getLong("signed_ok"), rs.getLong("sign_base")),
                        new Ratio(rs.getLong("replied_ok"), rs.getLong("on_time_base")),
                        new Ratio(rs.getLong("satisfied"), rs.getLong("rated")),
                        new Ratio(rs.getLong("solved"), rs.getLong("solved_base")),
                        rs.getBigDecimal("deduction_points"), rs.getBigDecimal("score"), rs.getBoolean("ranked"),
                        (Integer) rs.getObject("peer_rank", Integer.class), Band.valueOf(rs.getString("band"))));
        return new MonthlyScores(month, rules.applying(month), (LocalDateTime) head[0], (String) head[1], units);
    }

    private List<PublishedItem> topItems(YearMonth month) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", month.atDay(1).atStartOfDay())
                .addValue("to", month.plusMonths(1).atDay(1).atStartOfDay());
        return jdbc.query("""
                select item_code, max(list_version_id) v, count(*) n from case_file force index (ix_case_received)
                where received_at >= :from and received_at < :to and item_code is not null
                  and status not in ('INVALID','MERGED')
                group by item_code order by n desc, item_code""" + " limit " + TOP_ITEMS, p,
                (rs, i) -> new PublishedItem(rs.getString("item_code"), catalog.item(rs.getLong("v"),
                        rs.getString("item_code")).map(ItemView::name).orElse(rs.getString("item_code")),
                        rs.getLong("n")));
    }

    private java.time.LocalDate lastVersion(YearMonth month) {
        return jdbc.queryForObject("select max(effective_month) from scoring_rule_set where effective_month <= :m",
                new MapSqlParameterSource("m", first(month)), java.time.LocalDate.class);
    }

    private boolean isPublished(YearMonth month) {
        Integer n = jdbc.queryForObject("select count(*) from scoring_bulletin where month = :m",
                new MapSqlParameterSource("m", first(month)), Integer.class);
        return n != null && n > 0;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static Date first(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}
