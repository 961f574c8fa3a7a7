package org.civitas.cases.ui.intake;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.duplicates.DuplicateMatch;
import org.civitas.cases.MergedCase;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Reports;
import org.civitas.cases.ReplyOutcome;
import org.civitas.catalog.UnitView;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator hears a complaint the office already has, one character short ("…公交站" for "…公交站旁"): the warning
 * names the earlier case with its score and reasons, the operator merges the call into it after a summary, the
 * master's view lists the merged call, and its caller gets the master's outcome SMS and sees the reply on tracking.
 */
class MergeDuplicateViewTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired CitizenCases citizens;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @BeforeEach
    void monday_morning() {
        clock.set(LocalDateTime.of(2026, 3, 9, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_near_identical_call_is_merged_into_the_earlier_case_which_lists_it_and_its_caller_hears_the_outcome() {
        long n = System.nanoTime() % 100_000_000;
        String masterPhone = String.format("137%08d", n);
        String callerPhone = String.format("138%08d", n);
        CaseDetails master = RunAs.user("operator", () -> cases.register(Reports.aReport().item("SR-05")
                .in("D05", "S0503").address("和平大道 " + n + " 号三角路公交站旁").phone(masterPhone)
                .description("公交站旁边堆了很多建筑垃圾，影响候车").build()), "OPERATOR");

        login("operator");
        navigate("cases/new");
        IntakeView view = _get(IntakeView.class);
        IntakeForm form = view.form;
        _setValue(form.phone, callerPhone.substring(0, 3) + " " + callerPhone.substring(3));
        _setValue(form.district, unit(form.district, "D05"));
        _setValue(form.street, unit(form.street, "S0503"));
        _setValue(form.address, "和平大道" + n + "号三角路公交站");
        _setValue(form.description, "三角路公交站有人乱堆杂物和建筑垃圾，乘客没地方站");
        _setValue(form.item, form.item.getListDataView().getItems().filter(i -> i.code().equals("SR-05"))
                .findFirst().orElseThrow());

        assertThat(view.duplicates.isVisible()).isTrue();
        List<DuplicateMatch> shown = view.duplicates.grid.getListDataView().getItems().toList();
        assertThat(shown.get(0).details().number()).isEqualTo(master.number());
        assertThat(shown.get(0).score()).isGreaterThanOrEqualTo(80);
        assertThat(view.duplicates.reasons(shown.get(0))).contains("地址相同").contains("同一事项");

        _click((Button) GridKt._getCellComponent(view.duplicates.grid, 0, "merge"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("intake-merge-confirm"));
        assertThat(confirm.getElement().getProperty("message")).contains(master.number()).contains("不能撤销");
        assertThat(jdbc.queryForObject("select count(*) from case_file where complainant_phone = ?",
                Integer.class, callerPhone)).as("nothing before the confirmation").isZero();
        ConfirmDialogKt._fireConfirm(confirm);

        IntakeResultDialog result = _get(IntakeResultDialog.class);
        String number = result.number.getText();
        String code = result.code.getText();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("intake-result-master"))
                .getText()).isEqualTo(master.number());
        Map<String, Object> row = jdbc.queryForMap("select id, status, master_case_id, item_code, lead_unit_code "
                + "from case_file where number = ?", number);
        assertThat(row).containsEntry("status", "MERGED").containsEntry("master_case_id", master.id())
                .containsEntry("item_code", "SR-05").containsEntry("lead_unit_code", null);
        assertThat(jdbc.queryForObject("select count(*) from notification where case_id = ?", Integer.class,
                row.get("id"))).as("a merged call is dispatched to no unit").isZero();

        login("supervisor");
        navigate("cases/" + master.id());
        VerticalLayout merged = _get(VerticalLayout.class, spec -> spec.withId("case-merged"));
        Grid<MergedCase> grid = _get(merged, Grid.class);
        List<MergedCase> listed = grid.getListDataView().getItems().toList();
        assertThat(listed).extracting(MergedCase::number).containsExactly(number);
        assertThat(listed.get(0).complainantPhone()).as("masked for the supervisor").isNotEqualTo(callerPhone)
                .endsWith(callerPhone.substring(7));
        assertThat(listed.get(0).complainantName()).isNull();

        CaseDetails signed = RunAs.account(userDetails, "clerk.wuchang", () -> cases.sign(master.ref()));
        CaseDetails replied = RunAs.account(userDetails, "clerk.wuchang",
                () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "建筑垃圾已清运，站台已冲洗。", List.of()));
        RunAs.account(userDetails, "supervisor", () -> cases.acceptReply(replied.ref(), null));

        List<String> sms = jdbc.queryForList("select body from outbox_message where channel = 'SMS' and recipient = ?",
                String.class, callerPhone);
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0)).contains(number).contains(master.number()).contains(code);
        assertThat(jdbc.queryForList("select body from outbox_message where channel = 'SMS' and recipient = ?",
                String.class, masterPhone)).as("the master's caller as before").hasSize(1);
        PublicCase tracked = citizens.track(number, code);
        assertThat(tracked.reply()).isEqualTo("建筑垃圾已清运，站台已冲洗。");
        assertThat(tracked.rateable()).isFalse();
    }

    private static UnitView unit(com.vaadin.flow.component.combobox.ComboBox<UnitView> box, String code) {
        return box.getListDataView().getItems().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
