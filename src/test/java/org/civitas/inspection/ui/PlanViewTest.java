package org.civitas.inspection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.civitas.inspection.CheckpointRow;
import org.civitas.inspection.CheckpointState;
import org.civitas.inspection.InspectionPlanService;
import org.civitas.inspection.InspectionPlanTest;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.PlanStop;
import org.civitas.inspection.RoundRow;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The 暗访计划 view on the April 2037 cases of {@link InspectionPlanTest}: propose, edit, accept, visit. */
class PlanViewTest extends KaribuTest {

    @Autowired InspectionPlanService plans;
    @Autowired InspectionService inspections;
    @Autowired MutableClock clock;
    @Autowired NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void cases() {
        clock.set(LocalDateTime.of(2037, 4, 21, 10, 0));
        InspectionPlanTest.fixture(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    PlanView proposeWuchangRubbish(int stops) {
        navigate("inspections/plan");
        PlanView view = _get(PlanView.class);
        view.from.setValue(LocalDate.of(2037, 4, 1));
        view.to.setValue(LocalDate.of(2037, 4, 20));
        view.districts.select(view.districts.getListDataView().getItems().filter(u -> u.code().equals("D05"))
                .findFirst().orElseThrow());
        view.categories.select(view.categories.getListDataView().getItems().filter(c -> c.code().equals("SR"))
                .findFirst().orElseThrow());
        view.stopCount.setValue(stops);
        _click(view.propose);
        return view;
    }

    @Test
    void the_supervisor_edits_the_proposed_plan_and_accepts_it_as_a_round_with_checkpoints() {
        login("supervisor");
        PlanView view = proposeWuchangRubbish(3);
        assertThat(GridKt._size(view.stops)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(view.stops, 0)).contains("1", "武昌区中华路街道 暗访测试路1号（约200米范围）",
                "暴露垃圾", "10");
        assertThat(view.accept.isEnabled()).isTrue();

        // drop the second stop, add the next-ranked place, move it to the front
        PlanStop second = view.plan.get(1);
        view.remove(second);
        assertThat(view.plan).hasSize(2).doesNotContain(second);
        PlanStop north = view.more.getListDataView().getItems().filter(s -> s.spot().place().equals("北测试路9号"))
                .findFirst().orElseThrow();
        view.more.setValue(north);
        _click(view.add);
        view.move(north, -1);
        view.move(north, -1);
        assertThat(view.plan).first().isEqualTo(north);
        assertThat(GridKt._getFormattedRow(view.stops, 0)).contains("1", "武昌区中华路街道 北测试路9号（约200米范围）");

        _click(view.accept);
        RoundDialog dialog = view.roundDialog;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.districts.getValue()).containsExactly("D05");
        assertThat(dialog.places.getValue()).startsWith("1. 武昌区中华路街道 北测试路9号");
        dialog.title.setValue("视图测试：暗访计划");
        dialog.team.setValue("督导四组");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .anyMatch(InspectionsView.class::isInstance);
        RoundRow round = inspections.rounds().stream().filter(r -> r.title().equals("视图测试：暗访计划"))
                .reduce((a, b) -> b.id() > a.id() ? b : a).orElseThrow();
        List<CheckpointRow> checkpoints = plans.checkpoints(round.id());
        assertThat(checkpoints).hasSize(3);
        assertThat(checkpoints.get(0).place()).isEqualTo("北测试路9号");
        assertThat(checkpoints).extracting(CheckpointRow::place).doesNotContain(second.spot().place());
    }

    @Test
    void the_inspector_visits_a_checkpoint_from_the_round_and_the_finding_form_opens_with_its_place() {
        login("inspector");
        RoundRow round = plans.accept(new org.civitas.inspection.NewRound("视图测试：到访", LocalDate.of(2037, 4, 21),
                LocalDate.of(2037, 4, 21), "督导五组", Set.of("D05"),
                Set.of(org.civitas.inspection.PlaceType.BACK_STREET), null),
                plans.propose(new org.civitas.inspection.PlanRequest(LocalDate.of(2037, 4, 1),
                        LocalDate.of(2037, 4, 20), Set.of("D05"), Set.of("SR"), 2)).stops());
        navigate("inspections");
        InspectionsView view = _get(InspectionsView.class);
        assertThat(view.plan.isVisible()).isTrue();
        view.rounds.select(view.rounds.getListDataView().getItems().filter(r -> r.id() == round.id())
                .findFirst().orElseThrow());
        assertThat(GridKt._size(view.checkpoints)).isEqualTo(2);
        view.checkpoints.select(view.checkpoints.getListDataView().getItems().findFirst().orElseThrow());
        _click(view.visitFound);
        FindingDialog d = view.findingDialog;
        assertThat(d.item.getValue().code()).isEqualTo("SR-01");
        assertThat(d.district.getValue().code()).isEqualTo("D05");
        assertThat(d.address.getValue()).isEqualTo("暗访测试路1号");
        d.note.setValue("现场仍有暴露垃圾");
        _click(d.save);

        assertThat(d.isOpened()).isFalse();
        assertThat(plans.checkpoints(round.id()).get(0).state()).isEqualTo(CheckpointState.FOUND);
        assertThat(GridKt._size(view.findings)).isEqualTo(1);
    }

    @Test
    void a_clerk_cannot_open_the_plan() {
        login("clerk.wuchang");
        navigate("inspections/plan");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(PlanView.class::isInstance);
    }
}
