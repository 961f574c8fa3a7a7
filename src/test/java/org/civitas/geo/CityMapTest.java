package org.civitas.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped map covers the reference units: each district, zone and street has one shape and a centre inside it. */
class CityMapTest {

    final CityMap map = CityMap.wuhan();

    /** code, kind, parent of every DISTRICT and STREET row of reference/units.csv (the units migration's source). */
    static List<String[]> referenceAreas() throws IOException {
        try (InputStream in = CityMapTest.class.getResourceAsStream("/reference/units.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split(",", -1);
                if (f.length >= 5 && (f[2].equals("DISTRICT") || f[2].equals("STREET"))) {
                    rows.add(new String[] {f[0], f[2], f[4]});
                }
            }
            return rows;
        }
    }

    @Test
    void every_district_zone_and_street_of_the_reference_data_maps_to_one_shape() throws IOException {
        List<String[]> units = referenceAreas();
        assertThat(units).hasSize(26);
        for (String[] u : units) {
            assertThat(map.shapeOf(u[0])).as(u[0]).isPresent();
            CityMap.Point c = map.centre(u[0]).orElseThrow();
            assertThat(map.contains(u[0], c.lat(), c.lng())).as("centre of " + u[0] + " inside its shape").isTrue();
            if (u[1].equals("STREET")) {
                assertThat(map.shapeOf(u[0])).as(u[0] + " shares its district's shape").isEqualTo(map.shapeOf(u[2]));
            }
        }
        // a district or zone has a shape of its own: sixteen areas, no two units on one shape
        Set<String> districts = units.stream().filter(u -> u[1].equals("DISTRICT")).map(u -> u[0])
                .collect(Collectors.toSet());
        assertThat(map.areas()).extracting(CityMap.Place::code).containsExactlyInAnyOrderElementsOf(districts);
        assertThat(map.areas().stream().map(CityMap.Place::shapeKey).distinct()).hasSize(16);
    }

    @Test
    void the_thirteen_administrative_districts_come_from_the_geojson_by_adcode() {
        assertThat(map.place("D05").orElseThrow().shapeKey()).isEqualTo("420106");
        assertThat(map.place("D13").orElseThrow().shapeKey()).isEqualTo("420113");
        // 黄鹤楼 (武昌区) and 汉口火车站 (江汉区), GCJ-02 as the map services give them
        assertThat(map.areaAt(30.5445, 114.3020).map(CityMap.Place::code)).contains("D05");
        assertThat(map.areaAt(30.6180, 114.2555).map(CityMap.Place::code)).contains("D02");
        // the zones lie over their host districts and win there; outside Wuhan nothing
        assertThat(map.areaAt(30.4800, 114.4300).map(CityMap.Place::code)).contains("D14");
        assertThat(map.contains("D07", 30.4800, 114.4300)).isTrue();
        assertThat(map.areaAt(31.2304, 121.4737)).isEmpty(); // Shanghai
    }

    @Test
    void the_browser_gets_every_area_under_its_label() throws IOException {
        JsonNode geo = new ObjectMapper().readTree(map.browserGeoJson());
        assertThat(geo.get("features")).hasSize(16);
        List<String> names = new ArrayList<>();
        geo.get("features").forEach(f -> names.add(f.get("properties").get("name").asText()));
        assertThat(names).contains("江岸区", "东湖高新区", "经开区(汉南)").doesNotHaveDuplicates();
        assertThat(map.browserGeoJson().length()).isLessThan(400_000);
    }
}
