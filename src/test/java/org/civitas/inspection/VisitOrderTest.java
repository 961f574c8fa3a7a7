package org.civitas.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civitas.analysis.RankedSpot;
import org.junit.jupiter.api.Test;

/** The visiting order of a plan: nearest neighbour over coordinates, then the others grouped by street. */
class VisitOrderTest {

    static PlanStop stop(String key, long score, Double lat, Double lon, String district, String street) {
        return new PlanStop(new RankedSpot(key, lat != null, district, district, street, street, key, "SR-01",
                "暴露垃圾", lat, lon, score, 0, 0, 0, 0, score), List.of());
    }

    @Test
    void stops_with_coordinates_follow_the_nearest_neighbour_from_the_best_scored_one() {
        // on one east–west line: A at 0 m, B 2 km east, C 300 m east, D 2.3 km east; A scores best
        PlanStop a = stop("A", 20, 30.58, 114.3000, "D05", "S0501");
        PlanStop b = stop("B", 15, 30.58, 114.3209, "D05", "S0501");
        PlanStop c = stop("C", 5, 30.58, 114.3031, "D05", "S0501");
        PlanStop d = stop("D", 1, 30.58, 114.3240, "D05", "S0501");

        assertThat(VisitOrder.order(List.of(b, d, c, a))).containsExactly(a, c, b, d);
    }

    @Test
    void stops_without_coordinates_are_grouped_by_district_and_street_after_the_route() {
        PlanStop x1 = stop("X1", 30, null, null, "D01", "S0101");
        PlanStop y1 = stop("Y1", 25, null, null, "D01", "S0102");
        PlanStop x2 = stop("X2", 10, null, null, "D01", "S0101");
        PlanStop z1 = stop("Z1", 20, null, null, "D05", "S0501");
        PlanStop y2 = stop("Y2", 5, null, null, "D01", "S0102");
        PlanStop located = stop("L", 1, 30.58, 114.30, "D05", "S0501");

        assertThat(VisitOrder.order(List.of(y2, z1, x2, located, y1, x1)))
                .containsExactly(located, x1, x2, y1, y2, z1);
    }
}
