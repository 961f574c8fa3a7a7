package org.civitas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.civitas.geo.CityMap;
import org.junit.jupiter.api.Test;

/** Generated cases happen inside their districts (point-in-polygon), and some close together at crowded spots. */
class CasePlacesTest {

    final CityMap map = CityMap.wuhan();

    @Test
    void every_point_falls_inside_its_district() {
        CasePlaces places = new CasePlaces(7L);
        for (CityMap.Place area : map.areas()) {
            for (int i = 0; i < 3_000; i++) {
                double[] p = places.point(area.code(), null);
                assertThat(map.contains(area.code(), p[0], p[1])).as(area.code() + " " + p[0] + "," + p[1]).isTrue();
            }
        }
        for (String[] street : new String[][] {{"D01", "S0101"}, {"D02", "S0202"}, {"D05", "S0503"}, {"D07", "S0702"}}) {
            for (int i = 0; i < 3_000; i++) {
                double[] p = places.point(street[0], street[1]);
                assertThat(map.contains(street[0], p[0], p[1])).as(street[1]).isTrue();
            }
        }
    }

    @Test
    void crowded_spots_put_cases_within_the_duplicate_finders_50_metres() {
        CasePlaces places = new CasePlaces(11L);
        CasePlaces.Spot market = CasePlaces.SPOTS.get(0);
        List<double[]> near = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double[] p = places.point(market.district(), null);
            if (meters(p[0], p[1], market.lat(), market.lng()) < 50) {
                near.add(p);
            }
        }
        // one case in eight of the district goes to one of its spots
        assertThat(near.size()).isBetween(150, 400);
    }

    static double meters(double lat1, double lng1, double lat2, double lng2) {
        double dy = (lat1 - lat2) * 111_320, dx = (lng1 - lng2) * 111_320 * Math.cos(Math.toRadians(lat1));
        return Math.hypot(dx, dy);
    }
}
