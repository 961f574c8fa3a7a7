package org.civitas.cases.ui.intake;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.Channel;
import org.civitas.cases.duplicates.DuplicateMatch;
import org.civitas.cases.ui.caseview.CaseView;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IntakeViewTest extends KaribuTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @BeforeEach
    void monday_morning() {
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_operator_registers_a_call_and_it_is_dispatched_to_the_district_with_its_deadline() {
        IntakeForm form = openAsOperator();
        assertThat(form.channel.getValue()).isEqualTo(Channel.HOTLINE_12345);
        String address = uniqueAddress();
        _setValue(_get(TextField.class, spec -> spec.withLabel("诉求人姓名")), "王五");
        _setValue(_get(TextField.class, spec -> spec.withLabel("联系电话")), "139 8765 4321");
        fillPlace(form, "D05", "S0501", address);
        _setValue(form.description, "广告牌松动，随时可能掉落");
        ComboBoxKt.setUserInput(form.item, "坠落 招牌");
        List<ItemView> suggested = ComboBoxKt.getSuggestionItems(form.item);
        assertThat(suggested).extracting(ItemView::code).containsExactly("SR-07");
        assertThat(ComboBoxKt.getSuggestions(form.item)).containsExactly("SR-07 广告牌坠落隐患 · 应急 2 小时");
        _setValue(form.item, suggested.get(0));
        UploadKt._upload(form.photos.upload, "board.png", "image/png", PNG);

        _click(_get(Button.class, spec -> spec.withId("intake-save")));

        IntakeResultDialog result = _get(IntakeResultDialog.class);
        assertThat(result.unit.getText()).isEqualTo("武昌区");
        assertThat(result.deadline.getText()).isEqualTo("2026-03-02 11:00");
        Map<String, Object> row = jdbc.queryForMap("select id, status, lead_unit_code, handle_due_at, "
                + "complainant_phone, address from case_file where number = ?", result.number.getText());
        assertThat(row.get("status")).isEqualTo("DISPATCHED");
        assertThat(row.get("lead_unit_code")).isEqualTo("D05");
        assertThat(row.get("handle_due_at").toString()).startsWith("2026-03-02 11:00");
        assertThat(row.get("complainant_phone")).isEqualTo("13987654321");
        assertThat(row.get("address")).isEqualTo(address);
        // the operator reads the caller's tracking code back with the number
        assertThat(result.code.getText()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")
                .isEqualTo(jdbc.queryForObject("select tracking_code from case_file where number = ?", String.class,
                        result.number.getText()));
        assertThat(result.getElement().getTextRecursively()).contains("请把工单号和查询码告诉来电人");
        assertThat(jdbc.queryForObject("select count(*) from case_photo where case_id = ? and content_type = "
                + "'image/png'", Integer.class, row.get("id"))).isEqualTo(1);

        // ready for the next call, channel kept, no errors shown on the emptied fields
        assertThat(form.address.getValue()).isEmpty();
        assertThat(form.address.isInvalid()).isFalse();
        assertThat(form.item.getValue()).isNull();
        assertThat(form.photos.uploads()).isEmpty();
        assertThat(form.channel.getValue()).isEqualTo(Channel.HOTLINE_12345);
    }

    @Test
    void a_bad_phone_number_is_shown_on_the_field_and_nothing_is_stored() {
        IntakeForm form = openAsOperator();
        String address = uniqueAddress();
        _setValue(form.phone, "12345");
        fillPlace(form, "D05", "S0501", address);
        _setValue(form.description, "路边垃圾");
        _click(form.save);

        assertThat(form.phone.isInvalid()).isTrue();
        assertThat(form.phone.getErrorMessage()).isEqualTo("请填写正确的手机号码或带区号的固定电话。");
        _assertNone(IntakeResultDialog.class);
        assertThat(jdbc.queryForObject("select count(*) from case_file where address = ?", Integer.class, address))
                .isZero();
    }

    @Test
    void a_description_of_4000_characters_is_registered_and_one_more_is_refused_on_the_field() {
        IntakeForm form = openAsOperator();
        assertThat(form.description.getMaxLength()).isEqualTo(4000);
        String address = uniqueAddress();
        _setValue(form.phone, "13912345678");
        fillPlace(form, "D05", "S0501", address);
        _setValue(form.description, "述".repeat(4001));
        _click(form.save);
        // the field's own max-length check says so first (a browser types no more than 4,000 anyway)
        assertThat(form.description.isInvalid()).isTrue();
        _assertNone(IntakeResultDialog.class);

        _setValue(form.description, "述".repeat(4000));
        _click(form.save);
        IntakeResultDialog result = _get(IntakeResultDialog.class);
        assertThat(jdbc.queryForObject("select char_length(description) from case_file where number = ?",
                Integer.class, result.number.getText())).isEqualTo(4000);
    }

    @Test
    void an_anonymous_caller_needs_no_phone_and_without_an_item_the_case_waits_for_classification() {
        IntakeForm form = openAsOperator();
        _setValue(form.anonymous, true);
        assertThat(form.name.isEnabled()).isFalse();
        String address = uniqueAddress();
        fillPlace(form, "D05", null, address);
        _setValue(form.description, "不清楚归哪里管");
        _click(form.save);

        IntakeResultDialog result = _get(IntakeResultDialog.class);
        assertThat(result.unit.getText()).isEqualTo("待分类");
        assertThat(jdbc.queryForObject("select status from case_file where number = ?", String.class,
                result.number.getText())).isEqualTo("REGISTERED");
    }

    @Test
    void the_same_item_at_the_same_street_and_address_shows_the_earlier_cases_as_possible_duplicates() {
        IntakeForm form = openAsOperator();
        IntakeView view = _get(IntakeView.class);
        String address = uniqueAddress();
        String first = registerSR05(form, address);
        String second = registerSR05(form, address);
        String elsewhere = registerSR05(form, uniqueAddress());
        assertThat(view.duplicates.isVisible()).isFalse();

        _setValue(form.item, item(form, "SR-05"));
        assertThat(view.duplicates.isVisible()).as("an item without a place finds nothing").isFalse();
        fillPlace(form, "D05", "S0503", "");
        assertThat(view.duplicates.isVisible()).as("the street alone is too wide a place").isFalse();
        _setValue(form.address, address);

        assertThat(view.duplicates.isVisible()).isTrue();
        List<CaseDetails> shown = view.duplicates.grid.getListDataView().getItems().map(DuplicateMatch::details)
                .toList();
        assertThat(shown).extracting(CaseDetails::number).containsExactly(second, first).doesNotContain(elsewhere);
        int row = shown.stream().map(CaseDetails::number).toList().indexOf(first);
        Anchor link = (Anchor) GridKt._getCellComponent(view.duplicates.grid, row, "number");
        assertThat(link.getHref()).isEqualTo("cases/" + shown.get(row).id());

        _click(form.newCall);
        assertThat(view.duplicates.isVisible()).isFalse();
    }

    @Test
    void a_file_that_is_not_an_image_is_refused_at_once() {
        IntakeForm form = openAsOperator();
        UploadKt._upload(form.photos.upload, "notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(t -> t.contains("notes.png") && t.contains("不是图片"));
        assertThat(form.photos.uploads()).isEmpty();
    }

    @Test
    void after_registering_the_operator_goes_on_to_the_next_call_or_opens_the_case() {
        IntakeForm form = openAsOperator();
        _setValue(form.phone, "02785551234");
        fillPlace(form, "D05", "S0503", "积玉桥街结果测试 21 号");
        _setValue(form.description, "楼道口杂物堆放");
        _setValue(form.item, item(form, "SR-05"));
        _click(form.save);
        assertThat(_get(Button.class, spec -> spec.withId("intake-result-close")).getText()).isEqualTo("继续登记");
        _click(_get(Button.class, spec -> spec.withId("intake-result-view")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("cases/\\d+");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).anyMatch(CaseView.class::isInstance);
    }

    @Test
    void a_unit_clerk_cannot_open_the_intake() {
        login("clerk.wuchang");
        navigate("cases/new");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(IntakeView.class::isInstance);
    }

    private IntakeForm openAsOperator() {
        login("operator");
        navigate("cases/new");
        return _get(IntakeView.class).form;
    }

    private String registerSR05(IntakeForm form, String address) {
        _setValue(form.phone, "02785551234");
        fillPlace(form, "D05", "S0503", address);
        _setValue(form.description, "楼道口杂物堆放");
        _setValue(form.item, item(form, "SR-05"));
        _click(form.save);
        IntakeResultDialog result = _get(IntakeResultDialog.class);
        String number = result.number.getText();
        _click(_get(Button.class, spec -> spec.withId("intake-result-close")));
        return number;
    }

    private static void fillPlace(IntakeForm form, String district, String street, String address) {
        _setValue(form.district, unit(form.district, district));
        if (street != null) {
            _setValue(form.street, unit(form.street, street));
        }
        _setValue(form.address, address);
    }

    private static UnitView unit(ComboBox<UnitView> box, String code) {
        return box.getListDataView().getItems().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    private static ItemView item(IntakeForm form, String code) {
        return form.item.getListDataView().getItems().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static String uniqueAddress() {
        return "测试路 " + System.nanoTime() % 1_000_000_000 + " 号";
    }
}
