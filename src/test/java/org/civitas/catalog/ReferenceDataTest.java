package org.civitas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first list version in the database is exactly the CSV copies of the reference data. */
@IntegrationTest
class ReferenceDataTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void the_thirteen_categories_are_those_of_the_csv() throws Exception {
        List<CSVRecord> csv = read("/reference/categories.csv");
        assertThat(csv).hasSize(13);
        for (CSVRecord r : csv) {
            Map<String, Object> row = jdbc.queryForMap("select name, sort_order from category where code = ?",
                    r.get("code"));
            assertThat(row.get("name")).as(r.get("code")).isEqualTo(r.get("name"));
            assertThat(((Number) row.get("sort_order")).intValue()).isEqualTo(Integer.parseInt(r.get("sort")));
        }
        assertThat(count("select count(*) from category")).isEqualTo(13);
    }

    @Test
    void version_v1_holds_the_hundred_items_of_the_csv_field_by_field() throws Exception {
        long v1 = jdbc.queryForObject("select id from list_version where label = 'v1'", Long.class);
        Map<String, Map<String, Object>> db = jdbc.queryForList("select * from list_item where list_version_id = ?", v1)
                .stream().collect(Collectors.toMap(r -> (String) r.get("code"), Function.identity()));
        List<CSVRecord> csv = read("/reference/negative-list.csv");
        assertThat(csv).hasSize(100);
        assertThat(db).hasSize(100);
        for (CSVRecord r : csv) {
            Map<String, Object> row = db.get(r.get("code"));
            assertThat(row).as(r.get("code")).isNotNull();
            assertThat(row.get("category_code")).isEqualTo(r.get("category"));
            assertThat(row.get("name")).isEqualTo(r.get("name"));
            assertThat(row.get("description")).isEqualTo(r.get("description"));
            assertThat(row.get("urgency")).isEqualTo(r.get("urgency"));
            assertThat(((Number) row.get("time_limit")).intValue()).isEqualTo(Integer.parseInt(r.get("time_limit")));
            assertThat(row.get("time_unit")).isEqualTo(r.get("time_unit"));
            assertThat(row.get("responsibility")).isEqualTo(r.get("responsibility"));
            assertThat(row.get("lead_unit_code")).isEqualTo(emptyToNull(r.get("lead_unit")));
            assertThat(row.get("legal_basis")).isEqualTo(emptyToNull(r.get("legal_basis")));
        }
    }

    @Test
    void every_lead_unit_exists_and_is_a_department_or_an_enterprise() {
        List<Map<String, Object>> leads = jdbc.queryForList("""
                select i.code, u.kind from list_item i left join unit u on u.code = i.lead_unit_code
                where i.lead_unit_code is not null""");
        assertThat(leads).isNotEmpty().allSatisfy(r ->
                assertThat(r.get("kind")).as((String) r.get("code")).isIn("DEPARTMENT", "ENTERPRISE"));
    }

    @Test
    void department_and_joint_items_name_a_lead_unit_and_territorial_items_none() {
        assertThat(count("select count(*) from list_item where responsibility = 'TERRITORIAL' "
                + "and lead_unit_code is not null")).isZero();
        assertThat(count("select count(*) from list_item where responsibility in ('DEPARTMENT', 'JOINT') "
                + "and lead_unit_code is null")).isZero();
    }

    @Test
    void every_street_lies_in_an_existing_district() {
        assertThat(count("""
                select count(*) from unit s left join unit d on d.code = s.parent_code
                where s.parent_code is not null and (d.code is null or d.kind <> 'DISTRICT')""")).isZero();
        assertThat(count("select count(*) from unit where kind = 'STREET' and parent_code is null")).isZero();
    }

    @Test
    void the_units_of_the_csv_are_there_in_their_kinds_and_peer_groups() throws Exception {
        List<CSVRecord> csv = read("/reference/units.csv");
        for (CSVRecord r : csv) {
            Map<String, Object> row = jdbc.queryForMap("select * from unit where code = ?", r.get("code"));
            assertThat(row.get("name")).as(r.get("code")).isEqualTo(r.get("name"));
            assertThat(row.get("kind")).isEqualTo(r.get("kind"));
            assertThat(row.get("peer_group")).isEqualTo(emptyToNull(r.get("peer_group")));
            assertThat(row.get("parent_code")).isEqualTo(emptyToNull(r.get("parent_code")));
        }
        Map<String, Long> csvKinds = csv.stream().collect(Collectors.groupingBy(r -> r.get("kind"),
                Collectors.counting()));
        assertThat(csvKinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DISTRICT", 16L, "DEPARTMENT", 18L, "ENTERPRISE", 5L, "STREET", 10L));
        // the CSV units are in the database; tests of other features may add their own
        csvKinds.forEach((kind, n) -> assertThat(count("select count(*) from unit where kind = ?", kind))
                .as(kind).isGreaterThanOrEqualTo(n.intValue()));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static List<CSVRecord> read(String resource) throws Exception {
        try (Reader in = new InputStreamReader(ReferenceDataTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
