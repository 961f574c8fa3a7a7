package org.civitas.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.scoring.DeductionFact;
import org.civitas.scoring.DeductionSource;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Round → findings → notices per unit → answers → re-inspection → deduction facts, on the working calendar. */
@IntegrationTest
class InspectionFlowTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

    @Autowired InspectionService inspections;
    @Autowired NoticeService noticeService;
    @Autowired org.civitas.scoring.ScoringService scoring;
    @Autowired List<DeductionSource> sources;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired NamedParameterJdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    <T> T as(String username, Supplier<T> action) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    RoundRow round(String title, LocalDate day) {
        return as("inspector", () -> inspections.createRound(new NewRound(title, day, day, "督导一组：张三、李四",
                Set.of("D01", "D05"), Set.of(PlaceType.MARKET, PlaceType.SCHOOL), "汉正街市场；武昌实验小学")));
    }

    FindingRow finding(long round, String item, String district, String address, boolean openCase) {
        return as("inspector", () -> inspections.recordFinding(round, new NewFinding(item, PlaceType.MARKET,
                district, null, address, "现场发现", openCase), List.of(new PhotoUpload("a.png", PNG))));
    }

    @Test
    void round_to_findings_to_notices_to_answers_to_reinspection_to_deduction_facts() {
        clock.set(LocalDateTime.of(2026, 9, 30, 10, 0)); // Wednesday before National Day
        RoundRow r = round("国庆前市场检查", LocalDate.of(2026, 9, 30));
        FindingRow a1 = finding(r.id(), "SR-01", "D01", "江岸区测试路1号", false);
        FindingRow a2 = finding(r.id(), "SR-02", "D01", "江岸区测试路2号", true);
        FindingRow w1 = finding(r.id(), "SR-01", "D05", "武昌区测试路3号", false);
        FindingRow g1 = finding(r.id(), "SG-03", "D05", "武昌区测试路4号", false);
        // territorial items go to the district, a department item to its lead unit wherever it was found
        assertThat(List.of(a1.unitCode(), a2.unitCode(), w1.unitCode(), g1.unitCode()))
                .containsExactly("D01", "D01", "D05", "G01");
        assertThat(a2.caseNumber()).startsWith("WM20260930");
        assertThat(a1.photos()).isEqualTo(1);

        List<NoticeRow> notices = as("inspector", () -> noticeService.issueNotices(r.id()));
        assertThat(notices).extracting(NoticeRow::unitCode).containsExactly("D01", "D05", "G01");
        // 5 working days after 30 Sep: 1–7 Oct are holidays, 10 Oct (Saturday) is a make-up working day
        assertThat(notices).allSatisfy(n -> assertThat(n.dueAt()).isEqualTo(LocalDateTime.of(2026, 10, 13, 17, 30)));
        NoticeRow d01 = notices.get(0), d05 = notices.get(1), g01 = notices.get(2);
        assertThat(as("inspector", () -> noticeService.findingsOfNotice(d01.id()))).extracting(FindingRow::id)
                .containsExactly(a1.id(), a2.id());

        clock.set(LocalDateTime.of(2026, 10, 9, 15, 0));
        NoticeRow answered = as("clerk.jiangan", () -> noticeService.answer(d01.id(), d01.version(), "已清运并加强巡查",
                List.of(new PhotoUpload("done.png", PNG))));
        assertThat(answered.state()).isEqualTo(NoticeState.ANSWERED);
        clock.set(LocalDateTime.of(2026, 10, 12, 9, 0));
        NoticeRow d05a = as("clerk.wuchang", () -> noticeService.answer(d05.id(), d05.version(), "已整改", List.of()));

        // G01 never answers: after its deadline the sweep marks it and its clerk is told
        clock.set(LocalDateTime.of(2026, 10, 14, 10, 0));
        as("inspector", () -> noticeService.sweepOverdue());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = 'clerk.chengguan'"
                + " AND case_number = :n AND message_key = 'notice.notify.overdue'", Map.of("n", g01.number()),
                Integer.class)).isEqualTo(1);
        assertThat(as("supervisor", () -> noticeService.overdueCount())).isGreaterThanOrEqualTo(1);

        NoticeRow d01r = as("inspector", () -> noticeService.reinspect(d01.id(), answered.version(),
                Map.of(a1.id(), true, a2.id(), false), "二号点仍有垃圾"));
        assertThat(d01r.state()).isEqualTo(NoticeState.FAILED);
        // a failed notice gets a new deadline: 5 working days after Wednesday 14 Oct
        assertThat(d01r.currentDueAt()).isEqualTo(LocalDateTime.of(2026, 10, 21, 17, 30));
        NoticeRow d05r = as("inspector", () -> noticeService.reinspect(d05.id(), d05a.version(),
                Map.of(w1.id(), true), null));
        assertThat(d05r.state()).isEqualTo(NoticeState.PASSED);
        assertThat(as("inspector", () -> inspections.findings(r.id()))).filteredOn(f -> f.id() == a2.id())
                .extracting(FindingRow::state).containsExactly(FindingState.FAILED);

        Set<String> mine = Set.of(d01.number(), d05.number(), g01.number());
        List<DeductionFact> october = facts(LocalDateTime.of(2026, 10, 1, 0, 0), LocalDateTime.of(2026, 11, 1, 0, 0))
                .stream().filter(f -> mine.contains(f.reference())).toList();
        assertThat(october).containsExactlyInAnyOrder(
                new DeductionFact("G01", "RECTIFICATION_NOT_MET", g01.number(), LocalDateTime.of(2026, 10, 13, 17, 30)),
                new DeductionFact("D01", "RECTIFICATION_NOT_MET", d01.number(), LocalDateTime.of(2026, 10, 14, 10, 0)));
        assertThat(facts(LocalDateTime.of(2026, 9, 1, 0, 0), LocalDateTime.of(2026, 10, 1, 0, 0)))
                .noneMatch(f -> mine.contains(f.reference()));

        // the clerk answers again, and a passing second re-inspection does not count the notice twice
        clock.set(LocalDateTime.of(2026, 10, 20, 9, 0));
        NoticeRow again = as("clerk.jiangan", () -> noticeService.answer(d01.id(), d01r.version(), "已再次清理",
                List.of()));
        as("inspector", () -> noticeService.reinspect(d01.id(), again.version(), Map.of(a2.id(), true), null));
        assertThat(facts(LocalDateTime.of(2026, 10, 1, 0, 0), LocalDateTime.of(2026, 11, 1, 0, 0)))
                .filteredOn(f -> f.reference().equals(d01.number())).hasSize(1);

        // the results show in the rankings: October's deductions of G01 and D01 name their notices, D05 has none
        clock.set(LocalDateTime.of(2026, 11, 5, 9, 0));
        java.time.YearMonth oct = java.time.YearMonth.of(2026, 10);
        for (var unit : List.of(g01, d01)) {
            assertThat(as("leader", () -> scoring.deductions(oct, unit.unitCode())))
                    .filteredOn(x -> x.kind() == org.civitas.scoring.DeductionKind.RECTIFICATION_NOT_MET)
                    .extracting(org.civitas.scoring.Deduction::reference).contains(unit.number());
        }
        assertThat(as("leader", () -> scoring.deductions(oct, "D05")))
                .noneMatch(x -> d05.number().equals(x.reference()));
    }

    @Test
    void a_clerk_sees_only_the_notices_of_their_own_unit_and_is_denied_another_units_notice() {
        clock.set(LocalDateTime.of(2026, 11, 13, 10, 0)); // Friday
        RoundRow r = round("周末前检查", LocalDate.of(2026, 11, 13));
        finding(r.id(), "SR-01", "D01", "江岸区范围路1号", false);
        finding(r.id(), "SR-01", "D05", "武昌区范围路2号", false);
        List<NoticeRow> notices = as("inspector", () -> noticeService.issueNotices(r.id()));
        // over the weekend: Mon 16 … Fri 20 November
        assertThat(notices).allSatisfy(n -> assertThat(n.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 17, 30)));
        NoticeRow wuchang = notices.stream().filter(n -> n.unitCode().equals("D05")).findFirst().orElseThrow();

        assertThat(as("clerk.jiangan", () -> noticeService.notices())).isNotEmpty()
                .allSatisfy(n -> assertThat(n.unitCode()).isEqualTo("D01"));
        assertThat(as("supervisor", () -> noticeService.notices())).extracting(NoticeRow::id).contains(wuchang.id());
        assertThatThrownBy(() -> as("clerk.jiangan", () -> noticeService.notice(wuchang.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("clerk.jiangan", () -> noticeService.answer(wuchang.id(), wuchang.version(),
                "不是我的", List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as("supervisor", () -> noticeService.notice(wuchang.id())).state()).isEqualTo(NoticeState.ISSUED);
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_nothing_is_saved() {
        clock.set(LocalDateTime.of(2026, 11, 16, 10, 0));
        RoundRow r = round("错误输入检查", LocalDate.of(2026, 11, 16));
        assertThatThrownBy(() -> as("inspector", () -> inspections.recordFinding(r.id(), new NewFinding("SR-01",
                PlaceType.SCHOOL, "D01", null, "地址", null, false), List.of(new PhotoUpload("x.txt",
                "hello".getBytes())))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("inspection.error.notAnImage");
        assertThatThrownBy(() -> as("inspector", () -> inspections.recordFinding(r.id(), new NewFinding("NOPE",
                PlaceType.SCHOOL, "D01", null, "地址", null, false), List.of())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("inspection.error.item");
        assertThatThrownBy(() -> as("inspector", () -> inspections.createRound(new NewRound("x",
                LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 15), "组", Set.of("D01"), Set.of(PlaceType.MALL),
                null)))).isInstanceOf(RuleViolation.class).hasMessageContaining("inspection.error.dates");
        assertThat(as("inspector", () -> inspections.findings(r.id()))).isEmpty();
        assertThatThrownBy(() -> as("clerk.jiangan", () -> inspections.rounds()))
                .isInstanceOf(AccessDeniedException.class);
    }

    List<DeductionFact> facts(LocalDateTime from, LocalDateTime to) {
        return sources.stream().filter(s -> s instanceof RectificationDeductions)
                .flatMap(s -> s.facts(from, to).stream()).toList();
    }
}
