package org.civitas.inspection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
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
    void the_rounds_finding_count_updates_as_soon_as_a_finding_is_recorded() {
        login("inspector");
        RoundRow round = aRound("视图测试：问题数");
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        view.rounds.select(row(view, round.id()));
        recordInDialog(view, "武昌区问题数测试巷1号");

        assertThat(row(view, round.id()).findings()).isEqualTo(1);
        assertThat(view.rounds.getSelectedItems()).extracting(RoundRow::id).containsExactly(round.id());
        recordInDialog(view, "武昌区问题数测试巷2号");
        assertThat(row(view, round.id()).findings()).isEqualTo(2);
    }

    @Test
    void after_a_failed_reinspection_the_next_steps_are_offered_and_a_new_deadline_reopens_the_notice() {
        login("inspector");
        RoundRow round = aRound("视图测试：回访未通过");
        inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.BACK_STREET, "D05", null,
                "武昌区回访测试巷1号", null, false), List.of());
        NoticeRow notice = noticeService.issueNotices(round.id()).get(0);
        clock.set(LocalDateTime.of(2026, 12, 9, 9, 0)); // past the deadline of 12-08 17:30, no answer
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        view.rounds.select(row(view, round.id()));
        view.notices.select(view.notices.getListDataView().getItems().filter(n -> n.id() == notice.id())
                .findFirst().orElseThrow());
        _click(view.reinspect);
        _click(view.reinspectDialog.save); // the box unticked: not rectified

        assertThat(noticeService.notice(notice.id()).state()).isEqualTo(NoticeState.FAILED);
        NextStepDialog next = view.nextStepDialog;
        assertThat(next).isNotNull();
        assertThat(next.isOpened()).isTrue();
        assertThat(next.setDeadline.isVisible() && next.reissue.isVisible() && next.supervise.isVisible()).isTrue();

        LocalDateTime due = LocalDateTime.of(2026, 12, 11, 17, 0);
        next.deadline.setValue(due);
        next.note.setValue("给予两天整改时间");
        _click(next.setDeadline);

        assertThat(next.isOpened()).isFalse();
        NoticeRow reopened = noticeService.notice(notice.id());
        assertThat(reopened.state()).isEqualTo(NoticeState.ISSUED);
        assertThat(reopened.currentDueAt()).isEqualTo(due);
        assertThat(reopened.overdue(LocalDateTime.now(clock))).isFalse();
        assertThat(GridKt._getFormattedRow(view.notices, 0)).contains("待整改").contains("2026-12-11 17:00");
    }

    @Test
    void a_failed_notice_is_issued_again_or_handed_to_supervision_as_a_case() {
        login("inspector");
        RoundRow round = aRound("视图测试：转督办");
        inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.BACK_STREET, "D05", null,
                "武昌区督办测试巷1号", null, false), List.of());
        NoticeRow notice = noticeService.issueNotices(round.id()).get(0);
        clock.set(LocalDateTime.of(2026, 12, 9, 9, 0));
        NoticeRow failed = noticeService.reinspect(notice.id(), notice.version(),
                java.util.Map.of(inspections.findings(round.id()).get(0).id(), false), "仍有垃圾");
        NoticeRow again = noticeService.reissue(failed.id(), failed.version(), null);
        assertThat(again.state()).isEqualTo(NoticeState.ISSUED);
        // Wednesday + 5 working days
        assertThat(again.currentDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 16, 17, 30));

        clock.set(LocalDateTime.of(2026, 12, 17, 9, 0));
        failed = noticeService.reinspect(notice.id(), again.version(),
                java.util.Map.of(inspections.findings(round.id()).get(0).id(), false), "仍未整改");
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        view.rounds.select(row(view, round.id()));
        NoticeRow shown = view.notices.getListDataView().getItems().filter(n -> n.id() == notice.id())
                .findFirst().orElseThrow();
        view.notices.select(shown);
        assertThat(view.nextStep.isEnabled()).isTrue();
        _click(view.nextStep);
        view.nextStepDialog.note.setValue("两次回访未整改到位");
        _click(view.nextStepDialog.supervise);

        NoticeRow supervised = noticeService.notice(notice.id());
        assertThat(supervised.state()).isEqualTo(NoticeState.SUPERVISED);
        assertThat(view.nextStepDialog.isOpened()).isFalse();
        assertThat(GridKt._getFormattedRow(view.notices, 0)).contains("已转督办");
    }

    @Test
    void a_deadline_in_the_past_or_a_next_step_on_a_notice_that_did_not_fail_is_refused_and_changes_nothing() {
        login("inspector");
        RoundRow round = aRound("视图测试：拒绝");
        inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.BACK_STREET, "D05", null,
                "武昌区拒绝测试巷1号", null, false), List.of());
        NoticeRow issued = noticeService.issueNotices(round.id()).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noticeService.setDeadline(issued.id(),
                issued.version(), LocalDateTime.of(2026, 12, 20, 17, 0), null))
                .hasMessageContaining("notice.error.notFailed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noticeService.handToSupervision(issued.id(),
                issued.version(), "理由")).hasMessageContaining("notice.error.notFailed");
        clock.set(LocalDateTime.of(2026, 12, 9, 9, 0));
        NoticeRow failed = noticeService.reinspect(issued.id(), issued.version(),
                java.util.Map.of(inspections.findings(round.id()).get(0).id(), false), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noticeService.setDeadline(failed.id(),
                failed.version(), LocalDateTime.of(2026, 12, 8, 17, 0), null))
                .hasMessageContaining("notice.error.deadline");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noticeService.handToSupervision(failed.id(),
                failed.version(), " ")).hasMessageContaining("notice.error.supervisionReason");
        assertThat(noticeService.notice(failed.id())).isEqualTo(failed);
    }

    @Test
    void the_dirty_round_dialog_asks_before_closing_on_esc_and_an_untouched_one_just_closes() {
        login("inspector");
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        _click(view.newRound);
        RoundDialog d = view.roundDialog;
        assertThat(d.title.isAutoselect()).isTrue();
        esc(d);
        assertThat(d.isOpened()).isFalse(); // only the pre-filled dates: nothing to lose

        _click(view.newRound);
        RoundDialog dirty = view.roundDialog;
        dirty.title.setValue("未保存的检查");
        esc(dirty);
        assertThat(dirty.isOpened()).isTrue();
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(dirty.isOpened()).isTrue();
        assertThat(dirty.title.getValue()).isEqualTo("未保存的检查");

        esc(dirty);
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).stream().filter(ConfirmDialog::isOpened)
                .findFirst().orElseThrow());
        assertThat(dirty.isOpened()).isFalse();
    }

    @Test
    void the_dirty_finding_dialog_asks_before_closing_on_a_click_outside() {
        login("inspector");
        RoundRow round = aRound("视图测试：未保存的问题");
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        view.rounds.select(row(view, round.id()));
        _click(view.recordFinding);
        FindingDialog d = view.findingDialog;
        d.address.setValue("武昌区未保存测试巷1号");
        esc(d);
        assertThat(d.isOpened()).isTrue();
        assertThat(_get(ConfirmDialog.class).isOpened()).isTrue();
    }

    /** What the browser sends on Esc or on a click outside the dialog. */
    private static void esc(Dialog d) {
        ComponentUtil.fireEvent(d, new Dialog.DialogCloseActionEvent(d, true));
    }

    private static RoundRow row(InspectionsView view, long id) {
        return view.rounds.getListDataView().getItems().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static void recordInDialog(InspectionsView view, String address) {
        _click(view.recordFinding);
        FindingDialog d = view.findingDialog;
        d.item.setValue(d.item.getListDataView().getItems().filter(i -> i.code().equals("SR-01")).findFirst()
                .orElseThrow());
        d.placeType.setValue(PlaceType.BACK_STREET);
        d.district.setValue(d.district.getListDataView().getItems().filter(u -> u.code().equals("D05"))
                .findFirst().orElseThrow());
        d.address.setValue(address);
        _click(d.save);
        assertThat(d.isOpened()).isFalse();
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
