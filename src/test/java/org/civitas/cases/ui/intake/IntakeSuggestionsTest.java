package org.civitas.cases.ui.intake;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import org.civitas.classify.ui.ItemSuggestions;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/** The operator's form shows the classifier's best items as the description is typed; a click picks one. */
class IntakeSuggestionsTest extends KaribuTest {

    IntakeView openAsOperator() {
        login("operator");
        navigate("cases/new");
        return _get(IntakeView.class);
    }

    @Test
    void the_barbecue_smoke_shows_the_cooking_fumes_item_first_with_its_words_and_a_click_picks_it() {
        IntakeView view = openAsOperator();
        ItemSuggestions suggestions = view.suggestions;
        assertThat(suggestions.isVisible()).isFalse();

        _setValue(view.form.description, "楼下烧烤摊天天晚上烟熏火燎的");

        assertThat(suggestions.isVisible()).isTrue();
        Button first = _get(Button.class, spec -> spec.withId("intake-suggestion-1"));
        assertThat(first.getText()).startsWith("1. HJ-01 餐饮油烟扰民 ").contains("%", "烧烤");
        assertThat(_get(Button.class, spec -> spec.withId("intake-suggestion-3")).getText()).startsWith("3. ");
        // an alternative under one percent shows as such, without words that decided nothing
        for (int i = 2; i <= 3; i++) {
            String id = "intake-suggestion-" + i;
            String text = _get(Button.class, spec -> spec.withId(id)).getText();
            assertThat(text).doesNotContain(" 0%");
            if (text.contains("<1%")) {
                assertThat(text).doesNotContain(" · ");
            }
        }
        _assertNone(Span.class, spec -> spec.withId("intake-suggestions-emergency"));

        _click(first);

        assertThat(view.form.item.getValue().code()).isEqualTo("HJ-01");
    }

    @Test
    void a_recognised_address_fills_the_empty_district_and_street() {
        IntakeView view = openAsOperator();
        _setValue(view.form.address, "武昌区中华路街道 12 号");
        _setValue(view.form.description, "门口垃圾堆了好几天没人收");

        assertThat(view.form.district.getValue().code()).isEqualTo("D05");
        assertThat(view.form.street.getValue().code()).isEqualTo("S0501");
    }

    @Test
    void an_emergency_looking_description_is_flagged() {
        IntakeView view = openAsOperator();

        _setValue(view.form.description, "路口的井盖不见了，晚上有人差点掉下去");

        assertThat(_get(Span.class, spec -> spec.withId("intake-suggestions-emergency")).getText())
                .isEqualTo("疑似紧急，请人工确认");
        assertThat(_get(Button.class, spec -> spec.withId("intake-suggestion-1")).getText()).contains("SS-01");
    }
}
