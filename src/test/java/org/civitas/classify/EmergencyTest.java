package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civitas.catalog.Urgency;
import org.junit.jupiter.api.Test;

/** An emergency-looking text is flagged and never dispatched by the system as a non-emergency item. */
class EmergencyTest {

    static final Place SURE = new Place("D05", "武昌区", null, null, 0.95, "武昌区");

    static Classification of(String text, Urgency urgency, double score) {
        return new Classification(List.of(new Suggestion("X-01", "某事项", urgency, score, List.of())), SURE,
                EmergencyWords.in(text), 1);
    }

    @Test
    void emergency_words_are_found() {
        assertThat(EmergencyWords.in("人行道上的井盖不见了，晚上有人差点掉下去")).contains("井盖");
        assertThat(EmergencyWords.in("楼道里闻到很重的燃气味")).contains("燃气");
        assertThat(EmergencyWords.in("老房子外墙倒塌了")).contains("倒塌");
        assertThat(EmergencyWords.in("小区配电箱漏电")).contains("漏电");
        assertThat(EmergencyWords.in("垃圾站起火了")).contains("起火");
        assertThat(EmergencyWords.in("广告牌快要坠落")).contains("坠落");
    }

    @Test
    void everyday_words_with_fire_in_them_are_not_emergencies() {
        assertThat(EmergencyWords.in("火车站门口黑车拉客")).isEmpty();
        assertThat(EmergencyWords.in("楼下烧烤摊天天晚上烟熏火燎的")).isEmpty();
    }

    @Test
    void an_emergency_looking_text_is_never_auto_dispatched_as_a_non_emergency_item() {
        Classification c = of("路口井盖坏了一直没人管", Urgency.NORMAL, 0.99);

        assertThat(c.emergencyFlag()).isTrue();
        assertThat(c.autoDispatchable(0.5, 0.6)).isFalse();
    }

    @Test
    void an_emergency_looking_text_may_go_out_as_an_emergency_item_and_a_plain_one_as_anything() {
        assertThat(of("路口井盖坏了", Urgency.EMERGENCY, 0.99).autoDispatchable(0.5, 0.6)).isTrue();
        assertThat(of("门口有人摆摊", Urgency.NORMAL, 0.99).autoDispatchable(0.5, 0.6)).isTrue();
        assertThat(of("门口有人摆摊", Urgency.NORMAL, 0.4).autoDispatchable(0.5, 0.6)).isFalse();
    }
}
