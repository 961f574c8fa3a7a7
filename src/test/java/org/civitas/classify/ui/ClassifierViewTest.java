package org.civitas.classify.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.time.LocalDateTime;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supervisor's view of the classifier and the classification queue (DD051). Records dated 2043-08. */
class ClassifierViewTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void restore() {
        jdbc.update("delete from classification_record where case_id between 990430801 and 990430809");
        jdbc.update("update classifier_setting set auto_dispatch = false, threshold = 0.700, place_threshold = 0.850, "
                + "updated_at = null, updated_by = null where id = 1");
        clock.reset();
    }

    /** A suggestion a person judged: {@code item1} first at {@code score}, {@code chosen} chosen. */
    void judged(long caseId, String item1, double score, String chosen) {
        jdbc.update("""
                insert into classification_record (case_id, recorded_at, source, model_version, item1, score1,
                    district_code, place_confidence, auto_dispatched, chosen_item, chosen_at, chosen_by)
                values (?, '2043-08-10 10:00:00', 'INTAKE', 1, ?, ?, 'D05', 0.95, false, ?, '2043-08-10 10:05:00',
                    'operator')""", caseId, item1, score, chosen);
    }

    @Test
    void the_supervisor_sees_accuracy_in_service_the_confused_pair_and_what_the_threshold_would_have_meant() {
        clock.set(LocalDateTime.of(2043, 8, 20, 9, 0));
        judged(990430801, "HJ-01", 0.9, "HJ-01");
        judged(990430802, "HJ-01", 0.8, "HJ-01");
        judged(990430803, "SR-01", 0.75, "XQ-01");
        judged(990430804, "SR-01", 0.4, "XQ-01");
        login("supervisor");
        UI.getCurrent().navigate("classifier");
        ClassifierView view = _get(ClassifierView.class);

        assertThat(view.model.getElement().getTextRecursively()).contains("版本").contains("训练时间").contains("训练样本");
        assertThat(view.inService.getText()).contains("人工分类 4 件").contains("一致 2 件").contains("50.0%");
        assertThat(GridKt._get(view.confused, 0).suggestedName()).isEqualTo("暴露垃圾");
        assertThat(GridKt._get(view.confused, 0).count()).isEqualTo(2);
        // at 0.70: three of the four would have gone out, two of them right
        assertThat(view.whatIf.getText()).contains("4 件中有 3 件（75.0%）").contains("其中 2 件（66.7%）");
        assertThat(view.enabled.getValue()).isFalse();

        view.enabled.setValue(true);
        view.threshold.setValue(0.85);
        view.save();

        assertThat(jdbc.queryForObject("select threshold from classifier_setting", Double.class)).isEqualTo(0.85);
        assertThat(view.whatIf.getText()).contains("4 件中有 1 件（25.0%）");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CLASSIFIER_SETTINGS_CHANGED' "
                + "and actor = 'supervisor' and after_data like 'enabled=true threshold=0.850%'", Integer.class))
                .isPositive();
    }

    @Test
    void a_threshold_out_of_range_is_refused_and_changes_nothing() {
        login("supervisor");
        UI.getCurrent().navigate("classifier");
        ClassifierView view = _get(ClassifierView.class);
        view.threshold.setValue(0.2);
        view.save();
        assertThat(jdbc.queryForObject("select threshold from classifier_setting", Double.class)).isEqualTo(0.7);
    }

    @Test
    void the_operator_sees_the_queue_with_the_emergency_looking_reports_first() {
        login("operator");
        UI.getCurrent().navigate("classifier/queue");
        ClassificationQueueView view = _get(ClassificationQueueView.class);
        int n = GridKt._size(view.grid);
        boolean seenOrdinary = false;
        for (int i = 0; i < n; i++) {
            boolean emergency = GridKt._get(view.grid, i).emergency();
            assertThat(emergency && seenOrdinary).as("an emergency-looking report after an ordinary one").isFalse();
            seenOrdinary |= !emergency;
        }
        // the count is every case waiting, as the home page counts it, not the rows of the page
        long waiting = jdbc.queryForObject("select count(*) from case_file where status = 'REGISTERED'", Long.class);
        assertThat(view.help.getText()).startsWith("未选清单事项的工单 " + waiting + " 件");
        assertThat(view.help.getText().contains("这里列出")).isEqualTo(waiting > n);
    }

    @Test
    void an_administrator_sees_the_model_but_cannot_change_the_setting() {
        login("admin");
        UI.getCurrent().navigate("classifier");
        ClassifierView view = _get(ClassifierView.class);
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.threshold.isReadOnly()).isTrue();
        assertThat(view.retrain.isVisible()).isTrue();
    }
}
