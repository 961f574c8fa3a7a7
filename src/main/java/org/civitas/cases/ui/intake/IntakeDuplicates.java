package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.civitas.cases.duplicates.DuplicateMatch;

/**
 * Possible duplicates of a report, best first, each with its score and the reasons ("地址相同", "相距 30 米"). A
 * number opens the case in a new tab, so the call being typed is not lost; where the user may merge, each row has a
 * button that asks the view to merge into that case.
 */
class IntakeDuplicates extends VerticalLayout {

    static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final Grid<DuplicateMatch> grid = new Grid<>();
    private final Grid.Column<DuplicateMatch> mergeColumn;
    private Consumer<DuplicateMatch> onMerge;

    IntakeDuplicates(int days) {
        setId("intake-duplicates");
        setPadding(false);
        grid.addComponentColumn(this::link).setKey("number").setHeader(getTranslation("intake.duplicates.number"))
                .setAutoWidth(true);
        grid.addColumn(DuplicateMatch::score).setKey("score").setHeader(getTranslation("intake.duplicates.score"))
                .setAutoWidth(true);
        grid.addColumn(this::reasons).setKey("reasons").setHeader(getTranslation("intake.duplicates.reasons"))
                .setFlexGrow(1);
        grid.addColumn(m -> getTranslation("CaseStatus." + m.details().status().name()))
                .setHeader(getTranslation("intake.duplicates.state")).setAutoWidth(true);
        grid.addColumn(m -> m.details().address()).setHeader(getTranslation("intake.duplicates.address"))
                .setFlexGrow(1);
        grid.addColumn(m -> m.details().receivedAt().format(RECEIVED))
                .setHeader(getTranslation("intake.duplicates.received")).setAutoWidth(true);
        mergeColumn = grid.addComponentColumn(this::mergeButton).setKey("merge").setAutoWidth(true);
        mergeColumn.setVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(new H4(getTranslation("intake.duplicates.title", days)), grid);
        show(List.of());
    }

    /** Offers a merge button on each row; {@code onMerge} gets the chosen case. */
    void onMerge(Consumer<DuplicateMatch> onMerge) {
        this.onMerge = onMerge;
        mergeColumn.setVisible(onMerge != null);
    }

    String reasons(DuplicateMatch m) {
        return m.reasons().stream().map(r -> getTranslation(r.labelKey(), r.value()))
                .collect(Collectors.joining(getTranslation("list.separator")));
    }

    private Anchor link(DuplicateMatch m) {
        Anchor a = new Anchor("cases/" + m.details().id(), m.details().number());
        a.setTarget(AnchorTarget.BLANK);
        return a;
    }

    private Button mergeButton(DuplicateMatch m) {
        Button b = new Button(getTranslation("intake.duplicates.merge"), e -> {
            if (onMerge != null) {
                onMerge.accept(m);
            }
        });
        b.setId("merge-into-" + m.details().number());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    void show(List<DuplicateMatch> matches) {
        grid.setItems(matches);
        setVisible(!matches.isEmpty());
    }
}
