package org.civitas.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.base.RuleViolation;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 暗访计划 on cases of April 2037 (no other test uses the year): the proposal takes the top hot spots of the chosen
 * districts and categories and orders them by nearest neighbour; accepting it creates a round with its checkpoints;
 * a visit turns a checkpoint into a finding; the round's summary workbook still reads back.
 */
@IntegrationTest
public class InspectionPlanTest {

    static final LocalDate FROM = LocalDate.of(2037, 4, 1), TO = LocalDate.of(2037, 4, 20);
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired InspectionPlanService plans;
    @Autowired InspectionService inspections;
    @Autowired NoticeService noticeService;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired NamedParameterJdbcTemplate jdbc;

    /**
     * Wuchang (D05), item SR-01 (category SR), every case between 10 and 15 April so each rises by its count:
     * P1 暗访测试路 5 cases (score 10), P2 民主测试路 ~1.9 km east 4 cases (8), P3 中山测试路 ~290 m east of P1
     * 3 cases, two from one phone (6 + 2 × 1 repeat = 8, fewer cases than P2), P4 1 km north 2 cases (4).
     * Left out by the filters: 9 cases in Jiang'an (D01) and 9 of item SG-03 (category SG) at P1.
     */
    public static void fixture(NamedParameterJdbcTemplate jdbc) {
        jdbc.update("DELETE FROM case_file WHERE created_by = 'plan-test'", Map.of());
        for (int i = 0; i < 5; i++) {
            addCase(jdbc, "D05", "S0501", "暗访测试路1号", 30.550000, 114.300000, "SR-01", "SR", null, 10 + i);
        }
        for (int i = 0; i < 4; i++) {
            addCase(jdbc, "D05", "S0501", "民主测试路8号", 30.550000, 114.320000, "SR-01", "SR", null, 10 + i);
        }
        addCase(jdbc, "D05", "S0501", "中山测试路2号", 30.550000, 114.303000, "SR-01", "SR", "13900000001", 10);
        addCase(jdbc, "D05", "S0501", "中山测试路2号", 30.550000, 114.303000, "SR-01", "SR", "13900000001", 11);
        addCase(jdbc, "D05", "S0501", "中山测试路2号", 30.550000, 114.303000, "SR-01", "SR", "13900000002", 12);
        addCase(jdbc, "D05", "S0501", "北测试路9号", 30.560000, 114.300000, "SR-01", "SR", null, 14);
        addCase(jdbc, "D05", "S0501", "北测试路9号", 30.560000, 114.300000, "SR-01", "SR", null, 15);
        for (int i = 0; i < 9; i++) {
            addCase(jdbc, "D01", "S0101", "江岸测试路3号", null, null, "SR-01", "SR", null, 10 + i % 5);
            addCase(jdbc, "D05", "S0501", "暗访测试路1号", 30.550000, 114.300000, "SG-03", "SG", null, 10 + i % 5);
        }
    }

    static void addCase(NamedParameterJdbcTemplate jdbc, String district, String street, String address, Double lat,
                        Double lon, String item, String category, String phone, int day) {
        jdbc.update("""
                INSERT INTO case_file (number, channel, received_at, complainant_phone, district_code, street_code,
                  address, latitude, longitude, description, item_code, category_code, lead_unit_code, status,
                  created_by)
                VALUES (:n, 'HOTLINE_12345', :at, :phone, :d, :s, :a, :lat, :lon, '暗访计划测试', :item, :cat, :d,
                  'DISPATCHED', 'plan-test')""", new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(
                "n", "PT" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet())
                .addValue("at", LocalDateTime.of(2037, 4, day, 9, 0)).addValue("phone", phone)
                .addValue("d", district).addValue("s", street).addValue("a", address).addValue("lat", lat)
                .addValue("lon", lon).addValue("item", item).addValue("cat", category));
    }

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2037, 4, 21, 10, 0));
        fixture(jdbc);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    <T> T as(String username, java.util.function.Supplier<T> action) {
        return RunAs.account(users, username, action);
    }

    static PlanRequest wuchangRubbish(int stops) {
        return new PlanRequest(FROM, TO, Set.of("D05"), Set.of("SR"), stops);
    }

    @Test
    void the_proposal_takes_the_top_places_of_the_filters_in_nearest_neighbour_order_with_their_past_notices() {
        // a notice issued earlier on the same road as P1
        RoundRow earlier = as("inspector", () -> inspections.createRound(new NewRound("四月初巡查",
                LocalDate.of(2037, 4, 2), LocalDate.of(2037, 4, 2), "督导三组", Set.of("D05"),
                Set.of(PlaceType.BACK_STREET), null)));
        as("inspector", () -> inspections.recordFinding(earlier.id(), new NewFinding("SR-01", PlaceType.BACK_STREET,
                "D05", null, "暗访测试路5号旁", null, false), List.of()));
        String notice = as("inspector", () -> noticeService.issueNotices(earlier.id())).get(0).number();

        Proposal p = as("inspector", () -> plans.propose(wuchangRubbish(3)));

        // by score P1 (10), P2 (8, 4 cases), P3 (8, 3 cases); visited P1 → P3 (290 m) → P2
        assertThat(p.stops()).extracting(s -> s.spot().place())
                .containsExactly("暗访测试路1号", "中山测试路2号", "民主测试路8号");
        assertThat(p.stops()).allSatisfy(s -> {
            assertThat(s.spot().districtCode()).isEqualTo("D05");
            assertThat(s.spot().itemCode()).isEqualTo("SR-01");
            assertThat(s.spot().cell()).isTrue();
        });
        assertThat(p.stops().get(0).spot().score()).isEqualTo(10);
        assertThat(p.stops().get(0).pastNotices()).contains(notice);
        assertThat(p.stops().get(1).spot().repeatComplainants()).isEqualTo(1);
        assertThat(p.stops().get(2).pastNotices()).isEmpty();
        assertThat(p.more()).extracting(s -> s.spot().place()).containsExactly("北测试路9号");

        // the supervisor may plan too; without filters Jiang'an and SG-03 come first
        Proposal all = as("supervisor", () -> plans.propose(new PlanRequest(FROM, TO, Set.of(), Set.of(), 2)));
        assertThat(all.stops()).extracting(s -> s.spot().itemCode() + "@" + s.spot().districtCode())
                .containsExactlyInAnyOrder("SR-01@D01", "SG-03@D05");
        assertThatThrownBy(() -> as("inspector", () -> plans.propose(wuchangRubbish(0))))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void an_accepted_plan_becomes_a_round_whose_checkpoints_become_findings_as_they_are_visited() {
        Proposal p = as("supervisor", () -> plans.propose(wuchangRubbish(3)));
        // the supervisor drops P2 and puts P3 first
        List<PlanStop> edited = List.of(p.stops().get(1), p.stops().get(0));
        RoundRow round = as("supervisor", () -> plans.accept(new NewRound("暗访：四月集中问题", LocalDate.of(2037, 4, 22),
                LocalDate.of(2037, 4, 22), "督导一组", Set.of(), Set.of(PlaceType.BACK_STREET), null), edited));

        assertThat(round.districtCodes()).containsExactly("D05");
        assertThat(round.places()).contains("1. ", "中山测试路2号", "2. ", "暗访测试路1号");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'INSPECTION_ROUND_PLANNED'"
                + " AND target_id = :id", Map.of("id", String.valueOf(round.id())), Integer.class)).isEqualTo(1);
        List<CheckpointRow> checkpoints = as("inspector", () -> plans.checkpoints(round.id()));
        assertThat(checkpoints).extracting(CheckpointRow::seq, CheckpointRow::place, CheckpointRow::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "中山测试路2号", CheckpointState.PLANNED),
                        org.assertj.core.groups.Tuple.tuple(2, "暗访测试路1号", CheckpointState.PLANNED));
        assertThat(checkpoints.get(0).repeatComplainants()).isEqualTo(1);
        assertThat(checkpoints.get(0).latitude()).isNotNull();

        CheckpointRow first = checkpoints.get(0), second = checkpoints.get(1);
        FindingRow found = as("inspector", () -> plans.visit(first.id(), new NewFinding("SR-01",
                PlaceType.BACK_STREET, "D05", "S0501", "中山测试路2号", "垃圾仍未清运", false), List.of()));
        assertThat(found.roundId()).isEqualTo(round.id());
        assertThat(found.unitCode()).isEqualTo("D05");
        as("inspector", () -> plans.clear(second.id()));
        assertThat(as("inspector", () -> plans.checkpoints(round.id())))
                .extracting(CheckpointRow::state, CheckpointRow::findingId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CheckpointState.FOUND, found.id()),
                        org.assertj.core.groups.Tuple.tuple(CheckpointState.CLEAR, null));
        assertThatThrownBy(() -> as("inspector", () -> plans.clear(first.id()))).isInstanceOf(RuleViolation.class);
        assertThat(as("inspector", () -> inspections.findings(round.id()))).extracting(FindingRow::id)
                .containsExactly(found.id());

        // the round's summary workbook and its notices work as for any round
        List<NoticeRow> notices = as("inspector", () -> noticeService.issueNotices(round.id()));
        assertThat(notices).extracting(NoticeRow::unitCode).containsExactly("D05");
        byte[] xlsx = as("supervisor", () -> inspections.roundExcel(round.id()));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("发现问题");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("SR-01 暴露垃圾");
            assertThat(book.getSheet("整改通知单").getLastRowNum()).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clerks_may_not_plan_and_only_inspectors_visit() {
        assertThatThrownBy(() -> as("clerk.wuchang", () -> plans.propose(wuchangRubbish(3))))
                .isInstanceOf(AccessDeniedException.class);
        Proposal p = as("inspector", () -> plans.propose(wuchangRubbish(1)));
        assertThatThrownBy(() -> as("clerk.wuchang", () -> plans.accept(new NewRound("x", FROM, FROM, "y",
                Set.of("D05"), Set.of(PlaceType.BACK_STREET), null), p.stops())))
                .isInstanceOf(AccessDeniedException.class);
        RoundRow round = as("inspector", () -> plans.accept(new NewRound("暗访：单点", LocalDate.of(2037, 4, 23),
                LocalDate.of(2037, 4, 23), "督导二组", Set.of("D05"), Set.of(PlaceType.BACK_STREET), null), p.stops()));
        long checkpoint = as("inspector", () -> plans.checkpoints(round.id())).get(0).id();
        assertThatThrownBy(() -> as("supervisor", () -> plans.clear(checkpoint)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
