package org.civitas.cases.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civitas.cases.CaseDetails;

/**
 * Open cases of the same item at the same street or address in the last days, shown before saving. A number opens
 * the case in a new tab, so the call being typed is not lost.
 */
class IntakeDuplicates extends VerticalLayout {

    static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final Grid<CaseDetails> grid = new Grid<>();

    IntakeDuplicates(int days) {
        setId("intake-duplicates");
        setPadding(false);
        grid.addComponentColumn(this::link).setKey("number").setHeader(getTranslation("intake.duplicates.number"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("CaseStatus." + c.status().name()))
                .setHeader(getTranslation("intake.duplicates.state")).setAutoWidth(true);
        grid.addColumn(CaseDetails::address).setHeader(getTranslation("intake.duplicates.address")).setFlexGrow(1);
        grid.addColumn(c -> c.receivedAt().format(RECEIVED))
                .setHeader(getTranslation("intake.duplicates.received")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(new H4(getTranslation("intake.duplicates.title", days)), grid);
        show(List.of());
    }

    private Anchor link(CaseDetails c) {
        Anchor a = new Anchor("cases/" + c.id(), c.number());
        a.setTarget(AnchorTarget.BLANK);
        return a;
    }

    void show(List<CaseDetails> cases) {
        grid.setItems(cases);
        setVisible(!cases.isEmpty());
    }
}
