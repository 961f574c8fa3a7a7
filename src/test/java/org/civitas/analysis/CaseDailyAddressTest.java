package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The repeated addresses of the analysis, read from {@code case_daily_address}, equal what the query over
 * {@code case_file} gave before it. Cases of October 2014 (used by no other test) spread over three half
 * months, with invalid and merged ones, cases without district or street, the same address in two streets and an
 * address written with a trailing space (the same place for the collation).
 */
@IntegrationTest
class CaseDailyAddressTest {

    static final LocalDate FROM = LocalDate.of(2014, 9, 25);
    static final LocalDate TO = LocalDate.of(2014, 10, 31);
    static final List<HalfMonth> PERIODS = List.of(new HalfMonth(YearMonth.of(2014, 9), true),
            new HalfMonth(YearMonth.of(2014, 10), false), new HalfMonth(YearMonth.of(2014, 10), true));
    static final String[][] PLACES = {{"D01", "S0101"}, {"D01", "S0102"}, {"D02", "S0201"}, {"D05", "S0501"},
            {"D01", null}, {null, null}};
    static final String[] ADDRESSES = {"中山大道100号", "中山大道100号 ", "解放大道8号", "沿江大道1号", "胜利街2号",
            "武珞路3号", "积玉桥5号"};
    static final String[] STATUSES = {"CLOSED", "CLOSED", "REPLIED", "IN_PROGRESS", "DISPATCHED", "INVALID", "MERGED"};
    static final AtomicInteger SEQ = new AtomicInteger();

    /** The query the analysis ran on case_file before the aggregate, every repeated address (no limit). */
    static final String FROM_CASES = """
            select district_code, street_code, address, count(*) n
            from case_file force index (ix_case_received)
            where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
            group by district_code, street_code, address having n >= 2
            order by n desc, street_code, address, district_code""";

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseDaily daily;
    @Autowired AnalysisService analysis;

    @BeforeEach
    void fixture() {
        jdbc.update("delete from case_file where received_at >= ? and received_at < ? and created_by = 'address-test'",
                FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay());
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            // the first and the last minute of a day, and of a half month, fall in the right day
            LocalDateTime at = FROM.atStartOfDay().plusDays(random.nextInt(37))
                    .plusMinutes(random.nextBoolean() ? random.nextInt(2) * (24 * 60 - 1) : random.nextInt(24 * 60));
            add(at, place[0], place[1], ADDRESSES[random.nextInt(ADDRESSES.length)],
                    STATUSES[random.nextInt(STATUSES.length)]);
        }
        daily.refresh(FROM, TO);
    }

    private void add(LocalDateTime at, String district, String street, String address, String status) {
        jdbc.update("""
                insert into case_file (number, channel, received_at, district_code, street_code, address, description,
                       item_code, category_code, lead_unit_code, status, created_by)
                values (?, 'HOTLINE_12345', ?, ?, ?, ?, '测试', 'ZZ-99', 'ZZ', 'D01', ?, 'address-test')""",
                "AD" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet(), at, district, street, address,
                status);
    }

    @Test
    void every_repeated_address_of_a_half_month_sums_to_its_count_in_case_file() {
        for (HalfMonth p : PERIODS) {
            List<List<Object>> raw = rows(jdbc.queryForList(FROM_CASES, p.first().atStartOfDay(),
                    p.last().plusDays(1).atStartOfDay()));
            assertThat(raw).as(p.code()).hasSizeGreaterThan(10);
            assertThat(rows(jdbc.queryForList("""
                    select nullif(district_code, '') district_code, nullif(street_code, '') street_code, address,
                           sum(cases) n
                    from case_daily_address where half_month = ?
                    group by district_code, street_code, address having n >= 2
                    order by n desc, street_code, address, district_code""", p.first()))).as(p.code())
                    .isEqualTo(raw);
        }
    }

    @Test
    void the_analysis_shows_the_top_addresses_of_case_file_with_their_names() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select code, name from unit", rs -> { names.put(rs.getString(1), rs.getString(2)); });
        for (HalfMonth p : PERIODS) {
            List<HotSpot> expected = jdbc.query(FROM_CASES + " limit " + AnalysisService.HOT_SPOTS,
                    (rs, i) -> new HotSpot(name(names, rs.getString(1)), name(names, rs.getString(2)),
                            rs.getString(3), "", rs.getLong(4)),
                    p.first().atStartOfDay(), p.last().plusDays(1).atStartOfDay());
            assertThat(expected).hasSize(AnalysisService.HOT_SPOTS);
            assertThat(analyse(p).addressHotSpots()).as(p.code()).isEqualTo(expected);
        }
    }

    @Test
    void a_moved_and_an_invalidated_case_leave_their_address_after_the_dirty_refresh() {
        HalfMonth p = PERIODS.get(1);
        Object[] range = {p.first().atStartOfDay(), p.last().plusDays(1).atStartOfDay()};
        Map<String, Object> top = jdbc.queryForList(FROM_CASES + " limit 1", range).get(0);
        List<Long> ids = jdbc.queryForList("""
                select id from case_file where district_code <=> ? and street_code <=> ? and address = ?
                  and received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
                order by id limit 2""", Long.class, top.get("district_code"), top.get("street_code"),
                top.get("address"), range[0], range[1]);
        jdbc.update("update case_file set address = '新华路9号' where id = ?", ids.get(0));
        jdbc.update("update case_file set status = 'INVALID' where id = ?", ids.get(1));
        for (long id : ids) { // what the CaseChanged listener does
            jdbc.update("insert ignore into case_daily_dirty (day) select cast(received_at as date) from case_file"
                    + " where id = ?", id);
        }
        daily.refreshDirty();

        assertThat(jdbc.queryForObject("""
                select sum(cases) from case_daily_address where half_month = ? and district_code = ?
                  and street_code = ? and address = ?""", Long.class, p.first(), nonNull(top.get("district_code")),
                nonNull(top.get("street_code")), top.get("address"))).isEqualTo(((Number) top.get("n")).longValue() - 2);
        assertThat(jdbc.queryForObject("select sum(cases) from case_daily_address where half_month = ?"
                + " and address = '新华路9号'", Long.class, p.first())).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select sum(cases) from case_daily_address where half_month = ?", Long.class,
                p.first())).isEqualTo(jdbc.queryForObject("""
                        select count(*) from case_file where received_at >= ? and received_at < ?
                          and status not in ('INVALID', 'MERGED')""", Long.class, range));
    }

    private static Object nonNull(Object code) {
        return code == null ? "" : code;
    }

    private Analysis analyse(HalfMonth p) {
        return RunAs.user("supervisor", () -> analysis.analyse(p), AppRoles.SUPERVISOR);
    }

    private static String name(Map<String, String> names, String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }

    /** Same values whatever numeric types the two queries return. */
    private static List<List<Object>> rows(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.values().stream().map(v -> v == null ? (Object) "" : v.toString()).toList())
                .toList();
    }
}
