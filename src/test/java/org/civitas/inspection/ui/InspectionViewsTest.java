package org.civitas.inspection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.civitas.inspection.FindingRow;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.NoticeService;
import org.civitas.inspection.NewFinding;
import org.civitas.inspection.NewRound;
import org.civitas.inspection.NoticeRow;
import org.civitas.inspection.NoticeState;
import org.civitas.inspection.PlaceType;
import org.civitas.inspection.RoundRow;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inspector records a finding and issues notices in the view; a clerk answers their unit's notice. */
class InspectionViewsTest extends KaribuTest {

    @Autowired InspectionService inspections;
    @Autowired NoticeService noticeService;
    @Autowired MutableClock clock;

    @BeforeEach
    void tuesday() {
        clock.set(LocalDateTime.of(2026, 12, 1, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    RoundRow aRound(String title) {
        return inspections.createRound(new NewRound(title, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1),
                "督导二组", Set.of("D05"), Set.of(PlaceType.BACK_STREET), "积玉桥背街"));
    }

    @Test
    void a_new_round_starts_on_beijings_date_when_the_servers_zone_is_still_on_the_day_before() {
        // 00:30 in Beijing is 16:30 the day before in UTC (the zone servers often run in)
        clock.set(LocalDateTime.of(2026, 12, 2, 0, 30));
        java.util.TimeZone server = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        try {
            login("inspector");
            navigate("inspections");
            InspectionsView view = _get(InspectionsView.class);
            _click(view.newRound);
            assertThat(view.roundDialog.startsOn.getValue()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(view.roundDialog.endsOn.getValue()).isEqualTo(LocalDate.of(2026, 12, 2));
        } finally {
            java.util.TimeZone.setDefault(server);
        }
    }

    @Test
    void the_inspector_records_a_finding_and_issues_the_notices_in_the_round_view() {
        login("inspector");
        RoundRow round = aRound("视图测试：背街小巷");
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        view.rounds.select(view.rounds.getListDataView().getItems().filter(r -> r.id() == round.id())
                .findFirst().orElseThrow());
        _click(view.recordFinding);
        FindingDialog d = view.findingDialog;
        d.item.setValue(d.item.getListDataView().getItems().filter(i -> i.code().equals("SR-01")).findFirst()
                .orElseThrow());
        d.placeType.setValue(PlaceType.BACK_STREET);
        d.district.setValue(d.district.getListDataView().getItems().filter(u -> u.code().equals("D05"))
                .findFirst().orElseThrow());
        d.address.setValue("武昌区视图测试巷8号");
        d.note.setValue("垃圾堆积");
        _click(d.save);

        assertThat(d.isOpened()).isFalse();
        List<FindingRow> findings = inspections.findings(round.id());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.unitCode()).isEqualTo("D05");
            assertThat(f.address()).isEqualTo("武昌区视图测试巷8号");
        });
        assertThat(GridKt._size(view.findings)).isEqualTo(1);

        _click(view.issueNotices);
        assertThat(view.notices.getListDataView().getItems().map(NoticeRow::unitCode).toList())
                .containsExactly("D05");
        // Tuesday + 5 working days = the next Tuesday, end of office hours
        assertThat(GridKt._getFormattedRow(view.notices, 0)).contains("2026-12-08 17:30");
    }

    @Test
    void a_clerk_answers_their_units_notice_in_the_notice_list_and_sees_no_other_unit() {
        login("inspector");
        RoundRow round = aRound("视图测试：答复");
        inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.BACK_STREET, "D05", null,
                "武昌区答复测试巷1号", null, false), List.of());
        inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.BACK_STREET, "D01", null,
                "江岸区答复测试巷1号", null, false), List.of());
        NoticeRow notice = noticeService.issueNotices(round.id()).stream().filter(n -> n.unitCode().equals("D05"))
                .findFirst().orElseThrow();

        login("clerk.wuchang");
        navigate("notices");
        NoticesView view = _get(NoticesView.class);
        assertThat(view.grid.getListDataView().getItems()).allSatisfy(n -> assertThat(n.unitCode()).isEqualTo("D05"));
        view.grid.select(view.grid.getListDataView().getItems().filter(n -> n.id() == notice.id()).findFirst()
                .orElseThrow());
        _click(view.answer);
        _get(view.dialog, Span.class, spec -> spec.withText("SR-01 暴露垃圾 — 武昌区答复测试巷1号"));
        view.dialog.text.setValue("已清理完毕并安排专人保洁");
        _click(view.dialog.save);

        assertThat(view.dialog.isOpened()).isFalse();
        NoticeRow answered = noticeService.notice(notice.id());
        assertThat(answered.state()).isEqualTo(NoticeState.ANSWERED);
        assertThat(answered.answerText()).isEqualTo("已清理完毕并安排专人保洁");
    }

    @Test
    void an_overdue_notice_is_counted_on_the_deadline_board() {
        login("inspector");
        RoundRow round = aRound("视图测试：看板");
        inspections.recordFinding(round.id(), new NewFinding("SR-02", PlaceType.BACK_STREET, "D05", null,
                "武昌区看板测试巷2号", null, false), List.of());
        noticeService.issueNotices(round.id());
        clock.set(LocalDateTime.of(2026, 12, 8, 17, 31)); // a minute after the deadline, no answer
        login("supervisor");
        long overdue = noticeService.overdueCount();
        assertThat(overdue).isPositive();
        navigate("board");
        assertThat(_get(Span.class, spec -> spec.withId("board-notices")).getText())
                .isEqualTo("逾期整改通知单：" + overdue + " 件");
    }
}
