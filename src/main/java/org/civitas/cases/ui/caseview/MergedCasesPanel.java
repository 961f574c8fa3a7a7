package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.MergedCase;
import org.civitas.cases.lifecycle.MergedCases;
import org.springframework.core.annotation.Order;

/**
 * The reports merged into this case: number, when and how they came in, and the complainant as the user may see it
 * (masked but for the intake operator). Their complainants hear this case's outcome; nothing is shown when none was
 * merged.
 */
@org.springframework.stereotype.Component
@Order(6)
class MergedCasesPanel implements CasePanel {

    private final MergedCases merged;

    MergedCasesPanel(MergedCases merged) {
        this.merged = merged;
    }

    @Override
    public Optional<Component> create(CaseDetails details, Runnable onChange) {
        List<MergedCase> rows = merged.of(details.id());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        VerticalLayout section = new VerticalLayout();
        section.setId("case-merged");
        section.setPadding(false);
        Grid<MergedCase> grid = new Grid<>();
        grid.addComponentColumn(m -> new Anchor("cases/" + m.id(), m.number())).setKey("number")
                .setHeader(section.getTranslation("caseview.merged.number")).setAutoWidth(true);
        grid.addColumn(m -> CaseFormat.time(m.receivedAt())).setKey("received")
                .setHeader(section.getTranslation("caseview.merged.received")).setAutoWidth(true);
        grid.addColumn(m -> section.getTranslation("Channel." + m.channel().name())).setKey("channel")
                .setHeader(section.getTranslation("caseview.merged.channel")).setAutoWidth(true);
        grid.addColumn(m -> complainant(section, m)).setKey("complainant")
                .setHeader(section.getTranslation("caseview.merged.complainant")).setFlexGrow(1);
        grid.addColumn(m -> m.viaNumber() == null ? "" : m.viaNumber()).setKey("via")
                .setHeader(section.getTranslation("caseview.merged.via")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        H3 title = new H3(section.getTranslation("caseview.merged.title", rows.size()));
        title.getStyle().set("margin-top", "var(--lumo-space-m)");
        section.add(title, grid);
        return Optional.of(section);
    }

    static String complainant(Component c, MergedCase m) {
        if (m.anonymous() && (m.complainantPhone() == null || m.complainantPhone().isBlank())) {
            return c.getTranslation("caseview.anonymous");
        }
        String name = m.anonymous() ? c.getTranslation("caseview.anonymous")
                : m.complainantMasked() ? c.getTranslation("caseview.hidden") : CaseFormat.text(m.complainantName());
        return name + " · " + CaseFormat.text(m.complainantPhone());
    }
}
