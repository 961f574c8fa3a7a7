package org.civitas.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The position an inspector's phone reports is kept with the finding (at the column's precision) and goes on to the
 * case the finding opens; half a position, or one off the globe, is refused and nothing is saved. Dated 2039-03, which
 * no other test uses.
 */
@IntegrationTest
class FindingPositionTest {

    static final LocalDateTime NOW = LocalDateTime.of(2039, 3, 14, 10, 0);

    @Autowired InspectionService inspections;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private RoundRow round(String title) {
        clock.set(NOW);
        return RunAs.user("inspector", () -> inspections.createRound(new NewRound(title, NOW.toLocalDate(),
                NOW.toLocalDate(), "督导组", Set.of("D01"), Set.of(PlaceType.MARKET), null)), "INSPECTOR");
    }

    private FindingRow record(long round, String address, BigDecimal lat, BigDecimal lng, Integer accuracy,
                              boolean openCase) {
        return RunAs.user("inspector", () -> inspections.recordFinding(round, new NewFinding("SR-04",
                PlaceType.MARKET, "D01", null, address, "现场占道经营", openCase, lat, lng, accuracy), List.of()),
                "INSPECTOR");
    }

    @Test
    void the_phones_position_is_kept_with_the_finding_and_goes_to_the_case_it_opens() {
        RoundRow r = round("位置记录检查 2039");
        FindingRow f = record(r.id(), "江岸区胜利街 1 号（位置）", new BigDecimal("30.5928491"),
                new BigDecimal("114.3053932"), 18, true);

        assertThat(f.latitude()).isEqualByComparingTo("30.592849");
        assertThat(f.longitude()).isEqualByComparingTo("114.305393");
        assertThat(f.accuracyMetres()).isEqualTo(18);
        Map<String, Object> c = jdbc.queryForMap("select latitude, longitude from case_file where number = ?",
                f.caseNumber());
        assertThat((BigDecimal) c.get("latitude")).isEqualByComparingTo("30.592849");
        assertThat((BigDecimal) c.get("longitude")).isEqualByComparingTo("114.305393");
    }

    @Test
    void a_finding_without_a_position_has_none() {
        RoundRow r = round("无位置检查 2039");
        FindingRow f = RunAs.user("inspector", () -> inspections.recordFinding(r.id(), new NewFinding("SR-04",
                PlaceType.MARKET, "D01", null, "江岸区胜利街 2 号（无位置）", null, false), List.of()), "INSPECTOR");
        assertThat(f.latitude()).isNull();
        assertThat(f.longitude()).isNull();
        assertThat(f.accuracyMetres()).isNull();
    }

    @Test
    void half_a_position_or_one_off_the_globe_is_refused_and_nothing_is_saved() {
        RoundRow r = round("错误位置检查 2039");
        BigDecimal lat = new BigDecimal("30.59");
        BigDecimal lng = new BigDecimal("114.30");
        assertRefused(() -> record(r.id(), "半个位置", lat, null, null, false));
        assertRefused(() -> record(r.id(), "半个位置", null, lng, 10, false));
        assertRefused(() -> record(r.id(), "只有精度", null, null, 10, false));
        assertRefused(() -> record(r.id(), "纬度越界", new BigDecimal("90.5"), lng, 10, false));
        assertRefused(() -> record(r.id(), "经度越界", lat, new BigDecimal("-180.01"), 10, false));
        assertRefused(() -> record(r.id(), "负精度", lat, lng, -1, false));
        assertThat(RunAs.user("inspector", () -> inspections.findings(r.id()), "INSPECTOR")).isEmpty();
    }

    private static void assertRefused(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("inspection.error.position");
    }
}
