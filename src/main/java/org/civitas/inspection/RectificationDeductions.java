package org.civitas.inspection;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.civitas.scoring.DeductionFact;
import org.civitas.scoring.DeductionSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改不到位: a rectification notice counts once against its unit, as {@code RECTIFICATION_NOT_MET}, when
 * <ol>
 * <li>it had no answer by its first deadline ({@code due_at}; unanswered, or first answered after it) — the fact is
 * dated at that deadline, and only once the deadline has passed; otherwise</li>
 * <li>a re-inspection failed it — dated at the first failed re-inspection.</li>
 * </ol>
 * A notice answered in time and passed at its first re-inspection costs nothing; a later failure of the same notice
 * is not counted twice. The month of the fact is the month of its date.
 */
@Component
class RectificationDeductions implements DeductionSource {

    static final String KIND = "RECTIFICATION_NOT_MET";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RectificationDeductions(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeductionFact> facts(LocalDateTime from, LocalDateTime to) {
        return jdbc.query("""
                SELECT unit_code, number, at FROM (
                  SELECT unit_code, number,
                         CASE WHEN first_answered_at IS NULL OR first_answered_at > due_at THEN due_at
                              ELSE failed_at END AS at
                  FROM rectification_notice) x
                WHERE at IS NOT NULL AND at >= :from AND at < :to AND at <= :now
                ORDER BY at, number""", Map.of("from", from, "to", to, "now", LocalDateTime.now(clock)),
                (rs, i) -> new DeductionFact(rs.getString("unit_code"), KIND, rs.getString("number"),
                        rs.getTimestamp("at").toLocalDateTime()));
    }
}
