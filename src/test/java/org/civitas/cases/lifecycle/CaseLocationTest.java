package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.math.BigDecimal;
import java.util.Map;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.intake.NewCase;
import org.civitas.base.identity.AppRoles;
import org.civitas.geo.CityMap;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every case is on the map: a reported point as given, else its street's or district's centre marked approximate. */
@IntegrationTest
class CaseLocationTest {

    @Autowired CaseService cases;
    @Autowired DuplicateFinder duplicates;
    @Autowired JdbcTemplate jdbc;

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select latitude, longitude, location_approximate from case_file where id = ?", id);
    }

    private CaseDetails register(NewCase report) {
        return RunAs.user("operator", () -> cases.register(report), AppRoles.OPERATOR);
    }

    @Test
    void a_case_without_coordinates_is_placed_at_its_district_centre_and_marked_approximate() {
        CaseDetails c = register(aReport().item("SR-02").in("D06", null).address("和平大道 100 号").build());
        CityMap.Point centre = CityMap.wuhan().centre("D06").orElseThrow();
        Map<String, Object> r = row(c.id());
        assertThat(((BigDecimal) r.get("latitude")).doubleValue()).isEqualTo(centre.lat());
        assertThat(((BigDecimal) r.get("longitude")).doubleValue()).isEqualTo(centre.lng());
        assertThat(r.get("location_approximate")).isEqualTo(true);
        // the centre is for the map: the case shows no reported point
        assertThat(c.latitude()).isNull();
    }

    @Test
    void a_case_with_a_street_is_placed_at_the_streets_centre() {
        CaseDetails c = register(aReport().item("SR-02").in("D05", "S0502").build());
        CityMap.Point centre = CityMap.wuhan().centre("S0502").orElseThrow();
        assertThat(((BigDecimal) row(c.id()).get("latitude")).doubleValue()).isEqualTo(centre.lat());
        assertThat(row(c.id()).get("location_approximate")).isEqualTo(true);
    }

    @Test
    void a_reported_point_is_kept_exactly() {
        CaseDetails c = register(aReport().item("SR-02").in("D05", "S0502").at("30.544512", "114.302311").build());
        Map<String, Object> r = row(c.id());
        assertThat(r.get("latitude")).isEqualTo(new BigDecimal("30.544512"));
        assertThat(r.get("longitude")).isEqualTo(new BigDecimal("114.302311"));
        assertThat(r.get("location_approximate")).isEqualTo(false);
    }
}
