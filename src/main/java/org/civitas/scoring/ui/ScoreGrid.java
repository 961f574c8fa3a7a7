package org.civitas.scoring.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Function;
import org.civitas.scoring.UnitScore;

/** The grid of a peer group's scores, shared by the rankings view and the public page. */
class ScoreGrid extends Grid<UnitScore> {

    ScoreGrid(List<UnitScore> rows, Function<String, String> t, boolean withDeductions) {
        addColumn(s -> s.rank() == null ? t.apply("rankings.notRanked") : String.valueOf(s.rank()))
                .setHeader(t.apply("rankings.rank")).setAutoWidth(true).setFlexGrow(0);
        addColumn(UnitScore::unitName).setHeader(t.apply("rankings.unit")).setAutoWidth(true);
        addColumn(UnitScore::cases).setHeader(t.apply("rankings.cases")).setAutoWidth(true);
        addColumn(s -> s.sign().percent()).setHeader(t.apply("rankings.signRate")).setAutoWidth(true);
        addColumn(s -> s.onTime().percent()).setHeader(t.apply("rankings.onTimeRate")).setAutoWidth(true);
        addColumn(s -> s.satisfaction().percent()).setHeader(t.apply("rankings.satisfactionRate")).setAutoWidth(true);
        addColumn(s -> t.apply(s.band().labelKey())).setHeader(t.apply("rankings.band")).setAutoWidth(true);
        addColumn(s -> s.solved().percent()).setHeader(t.apply("rankings.solvedRate")).setAutoWidth(true);
        if (withDeductions) {
            addColumn(UnitScore::deductions).setHeader(t.apply("rankings.deductions")).setAutoWidth(true);
        }
        addColumn(UnitScore::score).setHeader(t.apply("rankings.score")).setAutoWidth(true);
        setItems(rows);
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    }
}
