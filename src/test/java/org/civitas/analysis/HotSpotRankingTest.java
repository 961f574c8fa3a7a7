package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civitas.analysis.HotSpotRanking.Fact;
import org.civitas.analysis.HotSpotRanking.Spot;
import org.junit.jupiter.api.Test;

/** The hot spot ranking (docs/decisions/DD070) on hand-made cases: no database. */
class HotSpotRankingTest {

    static final LocalDate FROM = LocalDate.of(2037, 3, 1), TO = LocalDate.of(2037, 3, 15);

    static Fact at(String road, String item, String phone, boolean dissatisfied, boolean overdue, int day) {
        return new Fact("D01", "S0101", road + day + "号", road, null, null, item, phone, dissatisfied, overdue,
                LocalDate.of(2037, 3, 1).plusDays(day - 1L));
    }

    static Fact located(double lat, double lon, String address, String item, int day) {
        return new Fact("D05", "S0501", address, "x", lat, lon, item, null, false, false,
                LocalDate.of(2037, 3, day));
    }

    @Test
    void spots_are_ordered_by_the_documented_score_not_by_their_count() {
        List<Fact> facts = new ArrayList<>();
        // 胜利街 SR-01: 4 cases, nothing else. Score 4 + rise 4 (all in the last 14 days, none before) = 8
        for (int d = 3; d <= 6; d++) {
            facts.add(at("胜利街", "SR-01", null, false, false, d));
        }
        // 沿江大道 SR-02: 2 cases, 1 dissatisfied, 1 overdue: 2 + 2 + 3 + rise 2 = 9
        facts.add(at("沿江大道", "SR-02", null, true, false, 4));
        facts.add(at("沿江大道", "SR-02", null, false, true, 5));
        // 中山大道 SR-03: 3 cases in the period on day 1 (before the last 14 days: no rise), 3 + 0 = 3
        for (int i = 0; i < 3; i++) {
            facts.add(at("中山大道", "SR-03", null, false, false, 1));
        }
        // a single case is no hot spot
        facts.add(at("京汉大道", "SR-01", null, true, true, 9));

        List<Spot> spots = HotSpotRanking.rank(facts, FROM, TO, 10);

        assertThat(spots).extracting(Spot::place).containsExactly("沿江大道", "胜利街", "中山大道");
        assertThat(spots).extracting(Spot::score).containsExactly(9L, 8L, 3L);
        Spot top = spots.get(0);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.dissatisfied()).isEqualTo(1);
        assertThat(top.overdue()).isEqualTo(1);
        assertThat(top.rising()).isEqualTo(2);
        assertThat(top.cell()).isFalse();
        assertThat(top.latitude()).isNull();
    }

    @Test
    void a_repeat_complainant_counts_once_however_often_they_call() {
        List<Fact> facts = new ArrayList<>();
        // one person calls four times, another twice, a third once: two repeat complainants
        for (int d = 2; d <= 5; d++) {
            facts.add(at("胜利街", "SR-01", "hash-a", false, false, d));
        }
        facts.add(at("胜利街", "SR-01", "hash-b", false, false, 6));
        facts.add(at("胜利街", "SR-01", "hash-b", false, false, 7));
        facts.add(at("胜利街", "SR-01", "hash-c", false, false, 8));
        facts.add(at("胜利街", "SR-01", null, false, false, 8));

        Spot s = HotSpotRanking.rank(facts, FROM, TO, 10).get(0);

        assertThat(s.count()).isEqualTo(8);
        assertThat(s.repeatComplainants()).isEqualTo(2);
        assertThat(s.score()).isEqualTo(8 + 2 * 2 + 8); // count + 2 × repeat + rise (8 in the last 14 days)
    }

    @Test
    void the_rise_compares_the_last_fourteen_days_with_the_fourteen_before_and_earlier_cases_count_only_there() {
        List<Fact> facts = new ArrayList<>();
        // five cases in February (before the period): they are the "earlier" fortnight, not the count
        for (int d = 0; d < 5; d++) {
            facts.add(new Fact("D01", "S0101", "胜利街1号", "胜利街", null, null, "SR-01", null, false, false,
                    LocalDate.of(2037, 2, 20).plusDays(d)));
        }
        facts.add(at("胜利街", "SR-01", null, false, false, 10));
        facts.add(at("胜利街", "SR-01", null, false, false, 11));

        Spot s = HotSpotRanking.rank(facts, FROM, TO, 10).get(0);

        assertThat(s.count()).isEqualTo(2);
        assertThat(s.rising()).isZero(); // 2 against 5: falling, not rising
        assertThat(s.score()).isEqualTo(2);
    }

    @Test
    void cases_with_coordinates_within_one_cell_are_one_place_and_the_cell_gives_its_centre() {
        List<Fact> facts = List.of(
                located(30.580100, 114.300100, "中华路1号", "SR-01", 5),
                located(30.580300, 114.300400, "中华路1号", "SR-01", 6),   // ~40 m away: same cell
                located(30.580200, 114.300300, "中华路3号", "SR-01", 7),
                located(30.590000, 114.300100, "中华路99号", "SR-01", 8),  // ~1 km north: another cell
                located(30.580100, 114.300100, "中华路1号", "SR-02", 8));  // another item: another spot

        List<Spot> spots = HotSpotRanking.rank(facts, FROM, TO, 10);

        assertThat(spots).singleElement().satisfies(s -> {
            assertThat(s.cell()).isTrue();
            assertThat(s.count()).isEqualTo(3);
            assertThat(s.place()).isEqualTo("中华路1号"); // the address most of its cases gave
            assertThat(s.latitude()).isBetween(30.5790, 30.5820);
            assertThat(s.longitude()).isBetween(114.2990, 114.3020);
        });
        long[] a = HotSpotRanking.cell(30.580100, 114.300100);
        double[] centre = HotSpotRanking.centre(a[0], a[1]);
        // a cell is about 200 m on each side: its centre lies within 100 m of each axis of any point in it
        assertThat(Math.abs(centre[0] - 30.580100) * 111_320).isLessThanOrEqualTo(100.0);
        assertThat(Math.abs(centre[1] - 114.300100) * 111_320 * Math.cos(Math.toRadians(30.58)))
                .isLessThanOrEqualTo(100.5);
    }

    @Test
    void the_address_key_is_the_road_up_to_the_house_number() {
        assertThat(HotSpotRanking.addressKey("解放大道12号")).isEqualTo("解放大道");
        assertThat(HotSpotRanking.addressKey("汉正街市场东门")).isEqualTo("汉正街市场东门");
        assertThat(HotSpotRanking.addressKey("8号楼")).isEqualTo("8号楼");
    }
}
