package org.civitas.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civitas.scoring.Deduction;
import org.civitas.scoring.UnitScore;

/** Drill-down from a unit's score to each priced fact and the case it comes from ({@code cases/<id>}). */
class DeductionsDialog extends Dialog {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    final Grid<Deduction> grid = new Grid<>();

    DeductionsDialog(UnitScore unit, List<Deduction> deductions) {
        setHeaderTitle(getTranslation("rankings.deductionsOf", unit.unitName(), unit.deductions().toPlainString()));
        grid.addColumn(d -> getTranslation(d.kind().labelKey())).setHeader(getTranslation("rankings.kind"))
                .setAutoWidth(true);
        grid.addColumn(d -> d.at() == null ? "" : AT.format(d.at())).setHeader(getTranslation("rankings.at"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> d.caseId() == null ? new Span(d.reference())
                        : new Anchor("cases/" + d.caseId(), d.reference()))
                .setHeader(getTranslation("rankings.reference")).setAutoWidth(true).setKey("reference");
        grid.addColumn(Deduction::points).setHeader(getTranslation("rankings.points")).setAutoWidth(true);
        grid.setItems(deductions);
        grid.setWidth("720px");
        add(deductions.isEmpty() ? new Span(getTranslation("rankings.noDeductions")) : grid);
        getFooter().add(new Button(getTranslation("rankings.close"), e -> close()));
    }
}
