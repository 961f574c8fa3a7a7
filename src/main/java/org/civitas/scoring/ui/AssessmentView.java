package org.civitas.scoring.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.civitas.scoring.ScoringService;
import org.civitas.base.ui.CountingBasis;
import org.civitas.scoring.UnitYear;
import org.civitas.base.identity.AppRoles;

/**
 * 年度考核: units compared over a year — the twelve monthly scores, the six bi-monthly evaluations and the annual
 * average with its rank in the peer group.
 */
@Route("assessment")
@Menu(order = 31, title = "menu.assessment", icon = "vaadin:chart-line")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.LEADER})
public class AssessmentView extends VerticalLayout implements HasDynamicTitle {

    private final ScoringService service;
    final ComboBox<Integer> year = new ComboBox<>();
    final Grid<UnitYear> grid = new Grid<>();
    /**
     * The six two-month columns or six months at a time: all 18, or even the twelve months, need a sideways scrollbar
     * at 1,366 px.
     */
    final RadioButtonGroup<Columns> monthly = new RadioButtonGroup<>();
    private final List<Grid.Column<UnitYear>> biMonthColumns = new ArrayList<>();
    private final List<Grid.Column<UnitYear>> monthColumns = new ArrayList<>();

    public AssessmentView(ScoringService service, Clock clock) {
        this.service = service;
        setSizeFull();
        int current = Year.now(clock).getValue();
        year.setLabel(getTranslation("assessment.year"));
        year.setItems(IntStream.rangeClosed(current - 5, current).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(current);
        year.addValueChangeListener(e -> reload());
        grid.addColumn(u -> u.rank() == null ? "" : String.valueOf(u.rank()))
                .setHeader(getTranslation("rankings.rank")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation("rankings.group." + u.peerGroup().name()))
                .setHeader(getTranslation("assessment.group")).setAutoWidth(true);
        grid.addColumn(UnitYear::unitName).setHeader(getTranslation("rankings.unit")).setAutoWidth(true);
        grid.addColumn(UnitYear::annual).setHeader(getTranslation("assessment.annual")).setAutoWidth(true);
        for (int b = 0; b < 6; b++) {
            int i = b;
            biMonthColumns.add(grid.addColumn(u -> text(u.biMonths().get(i)))
                    .setHeader(getTranslation("assessment.biMonth", 2 * i + 1, 2 * i + 2)).setAutoWidth(true));
        }
        for (int m = 0; m < 12; m++) {
            int i = m;
            Grid.Column<UnitYear> month = grid.addColumn(u -> text(u.months().get(i)))
                    .setHeader(getTranslation("assessment.month", i + 1)).setAutoWidth(true);
            month.setVisible(false);
            monthColumns.add(month);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        monthly.setLabel(getTranslation("assessment.columns"));
        monthly.setItems(Columns.values());
        monthly.setItemLabelGenerator(c -> getTranslation(c.key));
        monthly.setValue(Columns.BI_MONTHS);
        monthly.addValueChangeListener(e -> show(e.getValue() == null ? Columns.BI_MONTHS : e.getValue()));
        HorizontalLayout choices = new HorizontalLayout(year, monthly);
        choices.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("menu.assessment")), choices, new Span(getTranslation("assessment.note")),
                new CountingBasis("assessment-basis", "assessment.basis"), grid);
        reload();
    }

    /** Which score columns show beside the annual one. */
    enum Columns {
        BI_MONTHS("assessment.columns.biMonths"), FIRST_HALF("assessment.columns.firstHalf"),
        SECOND_HALF("assessment.columns.secondHalf");

        final String key;

        Columns(String key) {
            this.key = key;
        }
    }

    private void show(Columns columns) {
        biMonthColumns.forEach(c -> c.setVisible(columns == Columns.BI_MONTHS));
        for (int m = 0; m < monthColumns.size(); m++) {
            monthColumns.get(m).setVisible(columns == (m < 6 ? Columns.FIRST_HALF : Columns.SECOND_HALF));
        }
        // columns shown for the first time have no measured width yet
        grid.recalculateColumnWidths();
    }

    void reload() {
        grid.setItems(year.getValue() == null ? java.util.List.of() : service.year(Year.of(year.getValue())));
    }

    private static String text(BigDecimal score) {
        return score == null ? "—" : score.toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.assessment");
    }
}
