package org.civitas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.civitas.catalog.Responsibility;
import org.junit.jupiter.api.Test;

class DispatchRulesTest {

    @Test
    void a_territorial_item_goes_to_the_district_of_the_place() {
        assertThat(DispatchRules.decide(Responsibility.TERRITORIAL, null, "D05"))
                .contains(new Assignment("D05", Set.of()));
    }

    @Test
    void a_department_item_goes_to_its_lead_unit_wherever_it_happened() {
        assertThat(DispatchRules.decide(Responsibility.DEPARTMENT, "G03", "D05"))
                .contains(new Assignment("G03", Set.of()));
        assertThat(DispatchRules.decide(Responsibility.DEPARTMENT, "G03", null))
                .contains(new Assignment("G03", Set.of()));
    }

    @Test
    void a_joint_item_is_led_by_the_district_and_co_handled_by_the_department() {
        assertThat(DispatchRules.decide(Responsibility.JOINT, "G06", "D01"))
                .contains(new Assignment("D01", Set.of("G06")));
    }

    @Test
    void without_the_place_or_the_lead_unit_the_case_waits_for_classification() {
        assertThat(DispatchRules.decide(Responsibility.TERRITORIAL, null, null)).isEmpty();
        assertThat(DispatchRules.decide(Responsibility.JOINT, "G06", " ")).isEmpty();
        assertThat(DispatchRules.decide(Responsibility.DEPARTMENT, null, "D01")).isEmpty();
        assertThat(DispatchRules.decide(null, "G01", "D01")).isEmpty();
    }
}
