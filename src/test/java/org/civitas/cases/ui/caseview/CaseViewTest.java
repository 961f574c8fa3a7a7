package org.civitas.cases.ui.caseview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.List;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestState;
import org.civitas.cases.RequestView;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaseViewTest extends KaribuTest {

    @Autowired CaseService cases;

    @Autowired CaseRequestService caseRequests;
    @Autowired MutableClock clock;

    CaseDetails wuchangCase;

    @BeforeEach
    void a_case_dispatched_to_wuchang_on_monday_morning() {
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
        login("operator");
        wuchangCase = cases.register(aReport().item("SR-04").in("D05", "S0501").phone("13812345678").build());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_clerk_of_the_lead_district_may_sign_and_gets_no_supervisor_buttons() {
        open("clerk.wuchang");
        CaseView view = _get(CaseView.class);
        assertThat(view.actions.buttons).containsOnlyKeys(CaseAction.SIGN, CaseAction.REQUEST_RETURN,
                CaseAction.REQUEST_EXTENSION);
        _get(Button.class, spec -> spec.withId("case-action-SIGN"));
        _assertNone(Button.class, spec -> spec.withId("case-action-REDISPATCH"));
        _assertNone(Button.class, spec -> spec.withId("case-action-INVALIDATE"));
        assertThat(_get(H2.class, spec -> spec.withId("case-number")).getText()).isEqualTo(wuchangCase.number());
        assertThat(_get(Span.class, spec -> spec.withId("case-status")).getText()).isEqualTo("已派单");
        assertThat(view.getPageTitle()).contains(wuchangCase.number());
    }

    @Test
    void a_clerk_of_another_district_gets_the_no_access_message_and_no_data() {
        open("clerk.jiangan");
        CaseView view = _get(CaseView.class);
        assertThat(_get(Div.class, spec -> spec.withId("case-unavailable")).getText())
                .isEqualTo("该工单不存在，或您无权查看。");
        assertThat(view.details).isNull();
        _assertNone(CaseHeader.class);
        _assertNone(CaseComplainant.class);
        _assertNone(CaseTimeline.class);
        _assertNone(H2.class, spec -> spec.withText(wuchangCase.number()));
        assertThat(view.getPageTitle()).doesNotContain(wuchangCase.number());
    }

    @Test
    void a_clerk_sees_the_phone_masked_and_no_name() {
        open("clerk.wuchang");
        assertThat(_get(Span.class, spec -> spec.withId("case-complainant-phone")).getText()).isEqualTo("138****5678");
        assertThat(_get(Span.class, spec -> spec.withId("case-complainant-name")).getText()).isEqualTo("（已隐藏）");
        _assertNone(Button.class, spec -> spec.withId("case-reveal"));
    }

    @Test
    void a_supervisor_reveals_the_complainant_with_a_reason() {
        open("supervisor");
        assertThat(_get(Span.class, spec -> spec.withId("case-complainant-phone")).getText()).isEqualTo("138****5678");
        _click(_get(Button.class, spec -> spec.withId("case-reveal")));
        CaseRevealDialog dialog = _get(CaseRevealDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).as("a reason is required").isTrue();
        dialog.reason.setValue("回访核实");
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("case-complainant-phone")).getText()).isEqualTo("13812345678");
        assertThat(_get(Span.class, spec -> spec.withId("case-complainant-name")).getText()).isEqualTo("张三");
    }

    @Test
    void the_header_shows_the_time_left_to_sign_and_the_timeline_the_system_dispatch() {
        open("clerk.wuchang");
        CaseView view = _get(CaseView.class);
        // SR-04 dispatched Monday 09:00: sign within one working day, by Tuesday 17:30
        assertThat(view.header.deadline.getText()).isEqualTo("签收时限：剩 1 天");
        assertThat(view.timeline.entries).extracting(h -> h.action())
                .containsExactly(CaseAction.REGISTER, CaseAction.DISPATCH);
        assertThat(view.timeline.getComponentCount()).isEqualTo(2);
        // who acted, by name: the operator's display name, 系统 for the dispatch; never a login
        String text = view.timeline.getElement().getTextRecursively();
        assertThat(text).contains("12345受理员", "系统").doesNotContain("operator", "system");
    }

    @Test
    void a_case_changed_meanwhile_keeps_the_dialog_and_its_input_and_offers_a_reload() {
        open("clerk.wuchang");
        _click(_get(Button.class, spec -> spec.withId("case-action-REQUEST_EXTENSION")));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        dialog.note.setValue("需协调多个部门");
        LocalDateTime later = wuchangCase.handleDueAt().plusDays(3);
        dialog.newDue.setValue(later);

        cases.sign(wuchangCase.ref()); // the same clerk in another tab
        _click(dialog.confirm);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.reload.isVisible()).isTrue();
        assertThat(dialog.note.getValue()).isEqualTo("需协调多个部门");
        _click(dialog.reload);
        assertThat(_get(Span.class, spec -> spec.withId("case-status")).getText()).isEqualTo("办理中");
        _click(dialog.confirm);

        assertThat(dialog.isOpened()).isFalse();
        List<RequestView> requests = caseRequests.requests(wuchangCase.id());
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RequestKind.EXTENSION);
            assertThat(r.requestedDue()).isEqualTo(later);
            assertThat(r.state()).isEqualTo(RequestState.PENDING);
        });
    }

    @Test
    void a_supervisor_decides_an_extension_only_while_one_is_pending() {
        open("supervisor");
        assertThat(_get(CaseView.class).actions.buttons).doesNotContainKeys(CaseAction.APPROVE_EXTENSION,
                CaseAction.REJECT_EXTENSION, CaseAction.SIGN);

        login("clerk.wuchang");
        CaseDetails signed = cases.sign(wuchangCase.ref());
        LocalDateTime later = signed.handleDueAt().plusDays(2);
        caseRequests.requestExtension(signed.ref(), "等待检测结果", later);

        open("supervisor");
        _click(_get(Button.class, spec -> spec.withId("case-action-APPROVE_EXTENSION")));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        assertThat(dialog.request.getValue()).isNotNull();
        _click(dialog.confirm);

        assertThat(dialog.isOpened()).isFalse();
        CaseView view = _get(CaseView.class);
        assertThat(view.details.handleDueAt()).isEqualTo(later);
        assertThat(view.actions.buttons).doesNotContainKey(CaseAction.APPROVE_EXTENSION);
        assertThat(view.requests.requests).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.APPROVED));
    }

    @Test
    void a_rejection_needs_a_note_before_the_service_is_called() {
        login("clerk.wuchang");
        CaseDetails signed = cases.sign(wuchangCase.ref());
        caseRequests.requestReturn(signed.ref(), "不属于本区职责", "《条例》第十条");
        open("supervisor");
        _click(_get(Button.class, spec -> spec.withId("case-action-REJECT_RETURN")));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.note.isInvalid()).isTrue();
        dialog.note.setValue("属于本区属地管理事项");
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("case-status")).getText()).isEqualTo("办理中");
    }

    @Test
    void a_supervisor_classifies_a_queued_case_with_the_item_picker_and_it_goes_to_the_district() {
        CaseDetails queued = cases.register(aReport().item(null).in("D05", "S0501").build());
        login("supervisor");
        navigate("");
        navigate("cases/" + queued.id());
        assertThat(_get(Span.class, spec -> spec.withId("case-item")).getText()).isEqualTo("尚未归类");
        _click(_get(Button.class, spec -> spec.withId("case-action-DISPATCH")));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        assertThat(dialog.district.getValue().code()).isEqualTo("D05");
        assertThat(dialog.street.getValue().code()).isEqualTo("S0501");
        dialog.item.setValue(dialog.item.getListDataView().getItems().filter(i -> i.code().equals("SR-04"))
                .findFirst().orElseThrow());
        _click(dialog.confirm);

        assertThat(dialog.isOpened()).isFalse();
        CaseView view = _get(CaseView.class);
        assertThat(view.details.leadUnitCode()).isEqualTo("D05");
        assertThat(_get(Span.class, spec -> spec.withId("case-status")).getText()).isEqualTo("已派单");
        assertThat(_get(Span.class, spec -> spec.withId("case-lead-unit")).getText()).isEqualTo("武昌区");
    }

    @Test
    void a_district_clerk_hands_the_case_to_one_of_its_streets() {
        login("clerk.wuchang");
        cases.sign(wuchangCase.ref());
        open("clerk.wuchang");
        _click(_get(Button.class, spec -> spec.withId("case-action-SUB_DISPATCH")));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        assertThat(dialog.unit.getListDataView().getItems()).isNotEmpty()
                .allSatisfy(u -> assertThat(u.parentCode()).isEqualTo("D05"));
        dialog.unit.setValue(dialog.unit.getListDataView().getItems().filter(u -> u.code().equals("S0502"))
                .findFirst().orElseThrow());
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(CaseView.class).details.handlingUnitCode()).isEqualTo("S0502");
    }

    @Test
    void a_channels_photo_link_opens_in_a_new_tab_that_cannot_reach_back() {
        CaseDetails linked = cases.register(aReport().item("SR-04").in("D05", "S0501")
                .mediaUrl("https://img.example.org/photo.jpg?id=7").build());
        open("clerk.wuchang");
        _assertNone(Anchor.class, spec -> spec.withId("case-media-url"));
        navigate("cases/" + linked.id());
        Anchor link = _get(Anchor.class, spec -> spec.withId("case-media-url"));
        assertThat(link.getHref()).isEqualTo("https://img.example.org/photo.jpg?id=7");
        assertThat(link.getText()).isEqualTo("https://img.example.org/photo.jpg?id=7");
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
    }

    @Test
    void invalidating_says_what_will_happen_and_asks_first_cancel_changes_nothing_and_confirm_invalidates() {
        open("supervisor");
        _click(_get(Button.class, spec -> spec.withId("case-action-INVALIDATE")));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        dialog.note.setValue("测试来电，非真实诉求");
        _click(dialog.confirm);
        ConfirmDialog ask = dialog.irreversible;
        assertThat(ask.isOpened()).isTrue();
        assertThat(ConfirmDialogKt.getHeader(ask)).isEqualTo("作废工单 " + wuchangCase.number() + "？");
        assertThat(ConfirmDialogKt.getText(ask)).isEqualTo("工单 " + wuchangCase.number()
                + " 将标记为无效：不再办理，不计入统计和考核，无法恢复。理由：测试来电，非真实诉求");

        ConfirmDialogKt._fireCancel(ask);
        assertThat(cases.get(wuchangCase.id()).status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dialog.isOpened()).as("back to the form, the reason kept").isTrue();
        assertThat(dialog.note.getValue()).isEqualTo("测试来电，非真实诉求");

        _click(dialog.confirm);
        ConfirmDialogKt._fireConfirm(dialog.irreversible);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(cases.get(wuchangCase.id()).status()).isEqualTo(CaseStatus.INVALID);
    }

    @Test
    void merging_and_closing_ask_first_with_the_case_numbers_and_the_effect() {
        CaseDetails master = cases.register(aReport().item("SR-04").in("D05", "S0501").build());
        open("supervisor");
        _click(_get(Button.class, spec -> spec.withId("case-action-MERGE")));
        CaseActionDialog merge = _get(CaseActionDialog.class);
        merge.master.setValue(master.number());
        _click(merge.confirm);
        assertThat(ConfirmDialogKt.getText(merge.irreversible)).startsWith("工单 " + wuchangCase.number()
                + " 将合并到工单 " + master.number() + "：").contains("无法撤销");
        ConfirmDialogKt._fireCancel(merge.irreversible);
        assertThat(cases.get(wuchangCase.id()).status()).isEqualTo(CaseStatus.DISPATCHED);
        _click(merge.confirm);
        ConfirmDialogKt._fireConfirm(merge.irreversible);
        assertThat(cases.get(wuchangCase.id()).status()).isEqualTo(CaseStatus.MERGED);

        login("clerk.wuchang");
        CaseDetails signed = cases.sign(master.ref());
        cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已清理", List.of());
        login("supervisor");
        navigate("cases/" + master.id());
        _click(_get(Button.class, spec -> spec.withId("case-action-CLOSE")));
        CaseActionDialog close = _get(CaseActionDialog.class);
        close.note.setValue("诉求人电话无法接通");
        _click(close.confirm);
        assertThat(ConfirmDialogKt.getText(close.irreversible)).isEqualTo("工单 " + master.number()
                + " 将直接办结：不再等待诉求人评价，也不能再重办，办结后无法恢复。理由：诉求人电话无法接通");
        ConfirmDialogKt._fireCancel(close.irreversible);
        assertThat(cases.get(master.id()).status()).isEqualTo(CaseStatus.REPLIED);
        _click(close.confirm);
        ConfirmDialogKt._fireConfirm(close.irreversible);
        assertThat(cases.get(master.id()).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void esc_on_an_action_dialog_with_typed_text_asks_before_discarding_and_an_untouched_one_just_closes() {
        open("clerk.wuchang");
        _click(_get(Button.class, spec -> spec.withId("case-action-REQUEST_RETURN")));
        CaseActionDialog untouched = _get(CaseActionDialog.class);
        esc(untouched);
        assertThat(untouched.isOpened()).isFalse();

        _click(_get(Button.class, spec -> spec.withId("case-action-REQUEST_RETURN")));
        CaseActionDialog typed = _get(CaseActionDialog.class);
        typed.note.setValue("不属于本区职责");
        esc(typed);
        assertThat(typed.isOpened()).isTrue();
        ConfirmDialog ask = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(ask)).isEqualTo("放弃未保存的内容？");
        ConfirmDialogKt._fireConfirm(ask);
        assertThat(typed.isOpened()).isFalse();
        assertThat(caseRequests.requests(wuchangCase.id())).isEmpty();
    }

    /** What the browser sends on Esc or on a click outside the dialog. */
    private static void esc(Dialog d) {
        ComponentUtil.fireEvent(d, new Dialog.DialogCloseActionEvent(d, true));
    }

    private void open(String username) {
        login(username);
        navigate("");
        navigate("cases/" + wuchangCase.id());
    }
}
