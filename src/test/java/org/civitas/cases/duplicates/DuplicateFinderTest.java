package org.civitas.cases.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civitas.cases.Reports.aReport;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.Reports;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.DuplicateFinder;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The duplicate finder of all channels (docs/design.md §4): same item, open, received in the last 7 days, at the same
 * street and address or within 50 m. Distances by hand: one degree of latitude is 6,371,000 m × π / 180 =
 * 111,194.9 m, so 0.00036° north is 40.0 m and 0.00054° north is 60.0 m.
 */
@IntegrationTest
class DuplicateFinderTest {

    @Autowired CaseService cases;

    @Autowired DuplicateFinder finder;
    @Autowired MutableClock clock;

    @BeforeEach
    void a_wednesday() {
        clock.set(LocalDateTime.of(2026, 6, 10, 10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void haversine_gives_the_hand_computed_distances() {
        assertThat(GeoDistance.meters(30.0, 114.0, 30.00036, 114.0)).isCloseTo(40.03, within(0.05));
        assertThat(GeoDistance.meters(30.0, 114.0, 30.00054, 114.0)).isCloseTo(60.05, within(0.05));
        // east-west shrinks with cos(latitude): 0.0005° at 30° N = 111,194.9 × 0.0005 × 0.866025 = 48.15 m
        assertThat(GeoDistance.meters(30.0, 114.0, 30.0, 114.0005)).isCloseTo(48.15, within(0.05));
    }

    @Test
    void the_same_item_at_the_same_street_and_address_is_a_possible_duplicate_and_other_places_are_not() {
        String address = "重复路 " + System.nanoTime() % 1_000_000_000 + " 号";
        CaseDetails first = register(aReport().item("SR-05").in("D05", "S0503").address(address));
        CaseDetails noStreet = register(aReport().item("SR-05").in("D05", null).address(address));
        CaseDetails otherStreet = register(aReport().item("SR-05").in("D05", "S0501").address(address));
        CaseDetails otherItem = register(aReport().item("JT-01").in("D05", "S0503").address(address));
        CaseDetails otherAddress = register(aReport().item("SR-05").in("D05", "S0503").address(address + "附近"));

        List<CaseDetails> found = duplicates("SR-05", "S0503", address, null, null);

        // "…附近" is the same place once normalised; a street named on both sides keeps two streets apart
        assertThat(found).extracting(CaseDetails::id).containsExactly(otherAddress.id(), noStreet.id(), first.id())
                .doesNotContain(otherStreet.id(), otherItem.id());
        assertThat(duplicates("SR-05", "S0503", "", null, null)).as("a street alone is no place").isEmpty();
        assertThat(duplicates(null, "S0503", address, null, null)).as("no item, no duplicate").isEmpty();
    }

    @Test
    void a_case_within_50_m_is_a_possible_duplicate_whatever_its_address_and_one_60_m_away_is_not() {
        CaseDetails near = register(aReport().item("SR-07").address("某某商厦东门 " + System.nanoTime())
                .at("30.512340", "114.412340"));
        CaseDetails far = register(aReport().item("SR-07").address("某某商厦西门 " + System.nanoTime())
                .at("30.512520", "114.412340"));
        CaseDetails nearOtherItem = register(aReport().item("JT-01").address("某某商厦 " + System.nanoTime())
                .at("30.511980", "114.412340"));

        // the new report stands 0.00036° (40.0 m) south of "near" and 0.00054° (60.0 m) south of "far"
        List<CaseDetails> found = duplicates("SR-07", null, "不同的地址 " + System.nanoTime(),
                new BigDecimal("30.511980"), new BigDecimal("114.412340"));

        assertThat(found).extracting(CaseDetails::id).containsExactly(near.id())
                .doesNotContain(far.id(), nearOtherItem.id());
    }

    @Test
    void cases_older_than_seven_days_are_not_offered() {
        String address = "旧案路 " + System.nanoTime() % 1_000_000_000 + " 号";
        CaseDetails old = register(aReport().item("SR-05").in("D05", "S0503").address(address)
                .at("30.600000", "114.600000"));
        clock.set(LocalDateTime.of(2026, 6, 17, 10, 1));
        assertThat(duplicates("SR-05", "S0503", address, new BigDecimal("30.600000"), new BigDecimal("114.600000")))
                .extracting(CaseDetails::id).doesNotContain(old.id()).isEmpty();
        clock.set(LocalDateTime.of(2026, 6, 17, 9, 59));
        assertThat(duplicates("SR-05", "S0503", address, new BigDecimal("30.600000"), new BigDecimal("114.600000")))
                .extracting(CaseDetails::id).containsExactly(old.id());
    }

    private CaseDetails register(Reports report) {
        return RunAs.user("operator", () -> cases.register(report.build()), "OPERATOR");
    }

    private List<CaseDetails> duplicates(String item, String street, String address, BigDecimal lat, BigDecimal lon) {
        return RunAs.user("operator", () -> finder.possibleDuplicates(item, street, address, lat, lon), "OPERATOR");
    }
}
