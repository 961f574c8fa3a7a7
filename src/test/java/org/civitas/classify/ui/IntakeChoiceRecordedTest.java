package org.civitas.classify.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator registers a call on the intake form (cases/new) after taking a suggestion: the suggestion shown is
 * recorded beside the item chosen, so the classifier's accuracy in service is measured (DD051). Dated 2043-09.
 */
class IntakeChoiceRecordedTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_suggestion_shown_and_the_operators_choice_are_recorded_with_the_case() {
        clock.set(LocalDateTime.of(2043, 9, 7, 10, 0));
        login("operator");
        navigate("cases/new");
        String address = "武昌区中华路街道 " + UUID.randomUUID().toString().substring(0, 8) + " 号";
        _setValue(_get(TextField.class, spec -> spec.withId("intake-name")), "王五");
        _setValue(_get(TextField.class, spec -> spec.withId("intake-phone")), "13987654321");
        _setValue(_get(TextField.class, spec -> spec.withId("intake-address")), address);
        _setValue(_get(TextArea.class, spec -> spec.withId("intake-description")), "楼下烧烤摊天天晚上烟熏火燎的");
        _click(_get(Button.class, spec -> spec.withId("intake-suggestion-1")));

        _click(_get(Button.class, spec -> spec.withId("intake-save")));

        Map<String, Object> r = jdbc.queryForMap("""
                select r.source, r.item1, r.item2, r.item3, r.score1, r.model_version, r.chosen_item, r.chosen_by,
                       c.item_code
                from classification_record r join case_file c on c.id = r.case_id where c.address = ?""", address);
        assertThat(r.get("source")).isEqualTo("INTAKE");
        assertThat(r.get("item1")).isEqualTo("HJ-01");
        assertThat(r.get("item2")).isNotNull();
        assertThat(r.get("item3")).isNotNull();
        assertThat(((Number) r.get("score1")).doubleValue()).isPositive();
        assertThat(((Number) r.get("model_version")).longValue()).isPositive();
        assertThat(r.get("chosen_item")).isEqualTo("HJ-01").isEqualTo(r.get("item_code"));
        assertThat(r.get("chosen_by")).isEqualTo("operator");
    }
}
