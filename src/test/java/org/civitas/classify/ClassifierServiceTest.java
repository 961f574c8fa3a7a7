package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.civitas.base.RuleViolation;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The classifier on the demo list and the shared test database: what it answers, what it learns from a person's
 * choice, that a retired item is never suggested, and that a new model goes into service only when it is not worse.
 * The cases it writes are of 2013, a year no other test uses, and are removed again.
 */
@IntegrationTest
class ClassifierServiceTest {

    static final String YEAR = "2013";

    @Autowired ClassifierService classifier;
    @Autowired ModelTrainer trainer;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        jdbc.update("delete from case_file where number like 'TCLS-%'");
    }

    /** A fresh installation: no model in service, so the next training goes into service whatever it measures. */
    void noActiveModel() {
        jdbc.update("update classifier_model set active = false");
        trainer.forget();
    }

    Classification classify(String text, String address) {
        return RunAs.user("operator", () -> classifier.classify(text, address), "OPERATOR");
    }

    ModelInfo retrain() {
        return RunAs.user("supervisor", () -> classifier.retrain(), "SUPERVISOR");
    }

    /** A case whose item a person chose, received in 2013. */
    void personChose(String itemCode, String description, String districtCode, String address) {
        personChose(itemCode, description, districtCode, address, "2013-05-06 10:00:00");
    }

    void personChose(String itemCode, String description, String districtCode, String address, String at) {
        jdbc.update("""
                insert into case_file (number, channel, received_at, address, description, item_code, district_code,
                                       status, created_by)
                values (?, 'HOTLINE_12345', ?, ?, ?, ?, ?, 'CLOSED', 'operator')""",
                "TCLS-" + UUID.randomUUID().toString().substring(0, 12), at, address, description, itemCode,
                districtCode);
    }

    @Test
    void the_barbecue_smoke_downstairs_is_the_cooking_fumes_item_first_with_the_words_that_decided() {
        noActiveModel();
        retrain();

        Classification c = classify("楼下烧烤摊天天晚上烟熏火燎的", null);

        assertThat(c.items()).hasSize(3);
        Suggestion first = c.items().get(0);
        assertThat(first.itemCode()).isEqualTo("HJ-01");
        assertThat(first.itemName()).isEqualTo("餐饮油烟扰民");
        assertThat(String.join(" ", first.words())).contains("烧烤");
        assertThat(first.score()).isGreaterThan(c.items().get(1).score());
        assertThat(c.emergencyFlag()).isFalse();
        assertThat(c.modelVersion()).isPositive();
    }

    @Test
    void the_same_training_data_gives_the_same_answers() {
        noActiveModel();
        retrain();
        Classification first = classify("路口的井盖不见了，晚上很危险", "武昌区中华路 1 号");
        noActiveModel();
        retrain();
        Classification second = classify("路口的井盖不见了，晚上很危险", "武昌区中华路 1 号");

        assertThat(second.items()).isEqualTo(first.items());
        assertThat(second.place()).isEqualTo(first.place());
        // which item wins depends on the cases other tests leave in the shared database; the same data, the same answer
        assertThat(first.place().districtCode()).isEqualTo("D05");
        assertThat(first.emergencyWords()).contains("井盖");
    }

    @Test
    void a_persons_choice_teaches_the_next_model() {
        String text = "楼下便利店把冰柜和纸箱子摆满了人行道";
        noActiveModel();
        retrain();
        String before = classify(text, null).items().get(0).itemCode();
        String chosen = before.equals("SR-05") ? "SR-04" : "SR-05";

        personChose(chosen, text, "D05", "中华路 9 号");
        noActiveModel();
        retrain();

        assertThat(classify(text, null).items().get(0).itemCode()).isEqualTo(chosen);
    }

    @Test
    void an_item_no_longer_in_the_list_is_never_suggested_however_its_cases_read() {
        String text = "旧清单里的事项专属说法甲乙丙丁";
        personChose("ZZ-99", text, "D05", "中华路 9 号");
        personChose("ZZ-99", text, "D05", "中华路 9 号");
        noActiveModel();
        retrain();

        Classification c = classify(text, null);

        assertThat(c.items()).extracting(Suggestion::itemCode).doesNotContain("ZZ-99").hasSize(3);
    }

    @Test
    void a_new_model_less_accurate_than_the_one_in_service_is_stored_but_not_put_into_service() {
        // the newest cases (of 2099, removed again) say one thing two ways, so no model is right on all of them
        for (int i = 0; i < 60; i++) {
            personChose(i % 2 == 0 ? "SR-01" : "SS-04", "门口那个东西又坏了", "D05", "中华路 " + i + " 号",
                    "2099-01-05 10:00:00");
        }
        noActiveModel();
        ModelInfo inService = retrain();
        assertThat(inService.active()).isTrue();
        assertThat(inService.heldOut()).isPositive();
        // as if the model in service had been perfect on its slice
        jdbc.update("update classifier_model set held_out_accuracy = 1.0 where version = ?", inService.version());
        trainer.forget();

        ModelInfo next = retrain();

        assertThat(next.version()).isGreaterThan(inService.version());
        assertThat(next.active()).isFalse();
        assertThat(next.note()).contains("below");
        assertThat(RunAs.user("supervisor", () -> classifier.activeModel(), "SUPERVISOR").version())
                .isEqualTo(inService.version());
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CLASSIFIER_RETRAINED' "
                + "and target_id = ?", Integer.class, String.valueOf(next.version()))).isEqualTo(1);
    }

    @Test
    void a_model_of_another_list_version_than_the_one_in_force_is_retrained_at_the_next_request() {
        noActiveModel();
        ModelInfo old = retrain();
        long inForce = jdbc.queryForObject("select list_version_id from classifier_model where version = ?",
                Long.class, old.version());
        // as if the list in force had changed since this model was trained (a new version took effect)
        jdbc.update("update classifier_model set list_version_id = ? where version = ?", inForce + 1000,
                old.version());
        trainer.forget();

        Classification c = classify("楼下烧烤摊天天晚上烟熏火燎的", null);

        assertThat(c.modelVersion()).isGreaterThan(old.version());
        assertThat(jdbc.queryForObject("select list_version_id from classifier_model where active", Long.class))
                .isEqualTo(inForce);
    }

    @Test
    void the_second_and_third_suggestions_have_scores_of_their_own() {
        noActiveModel();
        retrain();

        // two problems in one text: the second one is not shown as 0 %
        Classification c = classify("楼下烧烤摊油烟很大，门口还有人占道摆摊卖水果", null);

        assertThat(c.items().get(1).score()).isGreaterThan(0.001);
        assertThat(c.items().get(0).score() + c.items().get(1).score() + c.items().get(2).score())
                .isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void the_district_comes_from_the_address_and_a_learned_road() {
        noActiveModel();
        retrain();

        assertThat(classify("垃圾没人收", "光谷广场东侧").place().districtCode()).isEqualTo("D14");
        Place named = classify("垃圾没人收", "江岸区大智街道三阳路 5 号").place();
        assertThat(named.districtCode()).isEqualTo("D01");
        assertThat(named.streetCode()).isEqualTo("S0101");
    }

    @Test
    void an_empty_or_overlong_text_is_refused() {
        assertThatThrownBy(() -> classify(" ", null)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("classify.error.text");
        assertThatThrownBy(() -> classify("字".repeat(ClassifierService.MAX_TEXT + 1), null))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> classify("垃圾", "路".repeat(201))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("classify.error.address");
    }
}
