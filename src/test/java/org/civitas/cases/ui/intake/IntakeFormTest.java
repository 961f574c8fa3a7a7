package org.civitas.cases.ui.intake;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.calendar.LimitUnit;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.PeerGroup;
import org.civitas.catalog.Responsibility;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;
import org.civitas.catalog.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form alone, without Spring: what the operator types becomes the report in the save event. */
class IntakeFormTest {

    static final UnitView D05 = new UnitView("D05", "武昌区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0);
    static final UnitView D01 = new UnitView("D01", "江岸区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0);
    static final UnitView S0501 = new UnitView("S0501", "中华路街道", UnitKind.STREET, null, "D05", true, 0);
    static final Map<String, List<UnitView>> STREETS = Map.of("D05", List.of(S0501), "D01", List.of());
    static final List<ItemView> ITEMS = List.of(
            item("SR-01", "暴露垃圾", "道路、广场等公共区域有暴露垃圾、垃圾积存未及时清运"),
            item("SR-07", "广告牌坠落隐患", "户外广告牌、招牌松动存在坠落危险"),
            item("GL-03", "绿地毁损", "践踏、占用绿地，损毁树木花草"));

    IntakeForm form;
    final List<IntakeForm.SaveEvent> saved = new ArrayList<>();
    final List<IntakeForm.PlaceChangedEvent> placed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        form = new IntakeForm(ITEMS, List.of(D01, D05), STREETS::get);
        UI.getCurrent().add(form);
        form.addSaveListener(saved::add);
        form.addPlaceChangedListener(placed::add);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void the_typed_call_becomes_the_report_of_the_save_event() {
        _setValue(form.name, " 李四 ");
        _setValue(form.phone, "027-85551234");
        _setValue(form.district, D05);
        _setValue(form.street, S0501);
        _setValue(form.address, " 中华路 8 号 ");
        _setValue(form.description, "广告牌松动");
        _setValue(form.item, ITEMS.get(1));
        _click(form.save);

        assertThat(saved).hasSize(1);
        NewCase r = saved.get(0).report();
        assertThat(r).isEqualTo(new NewCase(Channel.HOTLINE_12345, null, null, "李四", "027-85551234", false, "D05",
                "S0501", "中华路 8 号", null, null, "广告牌松动", "SR-07"));
        assertThat(saved.get(0).photos()).isEmpty();
        assertThat(placed.get(placed.size() - 1).itemCode()).isEqualTo("SR-07");
    }

    @Test
    void ctrl_enter_saves_and_the_button_stays_usable_after_a_refusal() {
        _setValue(form.phone, "13812345678");
        ShortcutsKt.fireShortcut(Key.ENTER, KeyModifier.CONTROL);
        assertThat(saved).isEmpty();
        assertThat(form.address.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isTrue();
        _setValue(form.district, D05);
        _setValue(form.address, "中华路");
        _setValue(form.description, "垃圾");
        ShortcutsKt.fireShortcut(Key.ENTER, KeyModifier.CONTROL);
        assertThat(saved).hasSize(1);
    }

    @Test
    void nothing_is_raised_while_a_required_field_is_missing() {
        _setValue(form.phone, "13812345678");
        _setValue(form.description, "垃圾");
        _click(form.save);
        assertThat(saved).isEmpty();
        assertThat(form.district.isInvalid()).isTrue();
        assertThat(form.address.isInvalid()).isTrue();
        assertThat(form.phone.isInvalid()).isFalse();
    }

    @Test
    void an_anonymous_call_drops_the_name_and_may_leave_the_phone_empty() {
        _setValue(form.name, "王五");
        _setValue(form.anonymous, true);
        assertThat(form.name.isEnabled()).isFalse();
        _setValue(form.district, D01);
        _setValue(form.address, "沿江大道");
        _setValue(form.description, "噪音");
        _click(form.save);
        NewCase r = saved.get(0).report();
        assertThat(r.anonymous()).isTrue();
        assertThat(r.complainantName()).isNull();
        assertThat(r.complainantPhone()).isNull();
        assertThat(r.itemCode()).isNull();
    }

    @Test
    void changing_the_district_clears_the_street_and_offers_only_its_streets() {
        _setValue(form.district, D05);
        _setValue(form.street, S0501);
        _setValue(form.district, D01);
        assertThat(form.street.getValue()).isNull();
        assertThat(form.street.getListDataView().getItems()).isEmpty();
    }

    @Test
    void typing_and_enter_picks_the_only_match_and_refuses_to_guess_between_several() {
        ComboBoxKt._fireCustomValueSet(form.district, "武昌");
        assertThat(form.district.getValue()).isEqualTo(D05);
        ComboBoxKt._fireCustomValueSet(form.street, "中华");
        assertThat(form.street.getValue()).isEqualTo(S0501);
        ComboBoxKt._fireCustomValueSet(form.item, "坠落");
        assertThat(form.item.getValue().code()).isEqualTo("SR-07");
        ComboBoxKt._fireCustomValueSet(form.item, "SR");
        assertThat(form.item.getValue()).isNull();
        ComboBoxKt._fireCustomValueSet(form.district, "汉口");
        assertThat(form.district.getValue()).isNull();
    }

    @Test
    void the_item_picker_finds_items_by_code_name_and_words_of_the_description() {
        assertThat(suggest("sr07")).containsExactly("SR-07");
        assertThat(suggest("GL")).containsExactly("GL-03");
        assertThat(suggest("绿地")).containsExactly("GL-03");
        assertThat(suggest("清运")).containsExactly("SR-01");
        assertThat(suggest("招牌 松动")).containsExactly("SR-07");
        assertThat(suggest("招牌 垃圾")).isEmpty();
    }

    @Test
    void a_new_call_empties_everything_but_the_channel() {
        _setValue(form.channel, Channel.WECHAT);
        _setValue(form.phone, "13812345678");
        _setValue(form.address, "中华路");
        _click(form.newCall);
        assertThat(form.channel.getValue()).isEqualTo(Channel.WECHAT);
        assertThat(form.phone.getValue()).isEmpty();
        assertThat(form.address.getValue()).isEmpty();
        assertThat(form.address.isInvalid()).isFalse();
    }

    private List<String> suggest(String typed) {
        ComboBoxKt.setUserInput(form.item, typed);
        return ComboBoxKt.getSuggestionItems(form.item).stream().map(ItemView::code).toList();
    }

    private static ItemView item(String code, String name, String description) {
        Urgency urgency = code.equals("SR-07") ? Urgency.EMERGENCY : Urgency.NORMAL;
        return new ItemView(code.hashCode(), 1, code, code.substring(0, 2), "类别", name, description, urgency, 2,
                LimitUnit.HOURS, Responsibility.TERRITORIAL, null, null, null, 0);
    }
}
