package org.civitas.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scoring rules as data: a version per month from which it applies, edited by a supervisor and audited. */
@Service
public class ScoringRuleService {

    static final String READ = "hasAnyRole('SUPERVISOR','LEADER')";

    private static final RowMapper<ScoringRules> ROW = (rs, i) -> new ScoringRules(
            YearMonth.from(rs.getDate("effective_month").toLocalDate()), rs.getInt("weight_sign"),
            rs.getInt("weight_on_time"), rs.getInt("weight_satisfaction"), rs.getInt("weight_solved"),
            rs.getBigDecimal("per_supervision_order"), rs.getBigDecimal("per_reopen"),
            rs.getBigDecimal("per_overdue_emergency"), rs.getBigDecimal("per_rectification_not_met"),
            rs.getBigDecimal("per_return_rejected"), rs.getInt("min_cases"), rs.getInt("good_band"),
            rs.getInt("failing_band"));

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoringRuleService(NamedParameterJdbcTemplate jdbc, CurrentUser user, ApplicationEventPublisher events,
                       Clock clock) {
        this.jdbc = jdbc;
        this.user = user;
        this.events = events;
        this.clock = clock;
    }

    /** Every version, newest first. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ScoringRules> versions() {
        return jdbc.query("select * from scoring_rule_set order by effective_month desc", ROW);
    }

    /** The rules that apply to a month: the newest version from that month or before. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public ScoringRules rulesFor(YearMonth month) {
        return applying(month);
    }

    ScoringRules applying(YearMonth month) {
        List<ScoringRules> rules = jdbc.query("select * from scoring_rule_set where effective_month <= :m"
                + " order by effective_month desc limit 1", new MapSqlParameterSource("m", Date.valueOf(month.atDay(1))),
                ROW);
        if (rules.isEmpty()) {
            throw new RuleViolation("scoring.error.noRules", month.toString());
        }
        return rules.get(0).from(month);
    }

    /** Saves the version starting at {@code rules.from()}, replacing one of the same month. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    public ScoringRules save(ScoringRules rules) {
        validate(rules);
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("m", Date.valueOf(rules.from().atDay(1)))
                .addValue("ws", rules.weightSign()).addValue("wo", rules.weightOnTime())
                .addValue("wsat", rules.weightSatisfaction()).addValue("wsol", rules.weightSolved())
                .addValue("dso", rules.perSupervisionOrder()).addValue("dre", rules.perReopen())
                .addValue("doe", rules.perOverdueEmergency()).addValue("drn", rules.perRectificationNotMet())
                .addValue("drr", rules.perReturnRejected()).addValue("min", rules.minCases())
                .addValue("good", rules.goodBand()).addValue("fail", rules.failingBand())
                .addValue("by", user.username()).addValue("at", LocalDateTime.now(clock));
        List<ScoringRules> before = jdbc.query("select * from scoring_rule_set where effective_month = :m", p, ROW);
        jdbc.update("""
                insert into scoring_rule_set values (:m, :ws, :wo, :wsat, :wsol, :dso, :dre, :doe, :drn, :drr, :min,
                    :good, :fail, :by, :at)
                on duplicate key update weight_sign = :ws, weight_on_time = :wo, weight_satisfaction = :wsat,
                    weight_solved = :wsol, per_supervision_order = :dso, per_reopen = :dre,
                    per_overdue_emergency = :doe, per_rectification_not_met = :drn, per_return_rejected = :drr,
                    min_cases = :min, good_band = :good, failing_band = :fail, updated_by = :by, updated_at = :at""", p);
        events.publishEvent(AuditEvent.change(user.username(), "SCORING_RULES_SAVED", "scoring_rule_set",
                rules.from(), before.isEmpty() ? null : before.get(0).toString(), rules.toString()));
        return rules;
    }

    private static void validate(ScoringRules r) {
        if (r.from() == null) {
            throw new RuleViolation("scoring.error.month");
        }
        int[] weights = {r.weightSign(), r.weightOnTime(), r.weightSatisfaction(), r.weightSolved()};
        int sum = 0;
        for (int w : weights) {
            if (w < 0) {
                throw new RuleViolation("scoring.error.weights", sum);
            }
            sum += w;
        }
        if (sum != 100) {
            throw new RuleViolation("scoring.error.weights", sum);
        }
        for (DeductionKind k : DeductionKind.values()) {
            BigDecimal points = r.points(k);
            if (points == null || points.signum() < 0 || points.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new RuleViolation("scoring.error.deduction");
            }
        }
        if (r.minCases() < 0) {
            throw new RuleViolation("scoring.error.minCases");
        }
        if (r.failingBand() < 0 || r.goodBand() > 100 || r.failingBand() > r.goodBand()) {
            throw new RuleViolation("scoring.error.bands");
        }
    }
}
