package org.civitas.supervision.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civitas.supervision.BoardCase;

/**
 * One list of the deadline board: compact rows that open their case on a click, or on Enter in the row the keyboard
 * is on. Only the item column stretches, so the grid fits beside the side menu without a horizontal scrollbar.
 */
class BoardCaseGrid extends Grid<BoardCase> {

    /** This year's deadlines without the year, to keep the column narrow; a deadline of another year shows it. */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DUE_OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The row holding keyboard focus: Enter opens it. */
    private BoardCase focused;

    BoardCaseGrid(Function<String, String> unitName, Supplier<LocalDateTime> now) {
        addColumn(BoardCase::number).setKey("number").setHeader(getTranslation("board.number")).setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(BoardCaseGrid::item).setKey("item").setHeader(getTranslation("board.item")).setFlexGrow(1)
                .setTooltipGenerator(BoardCaseGrid::item);
        addColumn(c -> unitName.apply(c.leadUnitCode())).setKey("unit").setHeader(getTranslation("board.unit"))
                .setWidth("12em").setFlexGrow(0).setTooltipGenerator(c -> unitName.apply(c.leadUnitCode()));
        addColumn(c -> due(c.handleDueAt(), now.get())).setKey("deadline").setHeader(getTranslation("board.deadline"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(c -> Countdown.text(this, c.handleDueAt(), now.get())).setKey("countdown")
                .setHeader(getTranslation("board.countdown")).setAutoWidth(true).setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setSelectionMode(SelectionMode.NONE);
        setEmptyStateText(getTranslation("board.empty"));
        getStyle().set("cursor", "pointer");

        addItemClickListener(e -> open(e.getItem()));
        addCellFocusListener(e -> focused = e.isBodyCell() ? e.getItem().orElse(null) : null);
        getElement().addEventListener("keydown", e -> {
            if (focused != null) {
                open(focused);
            }
        }).setFilter("event.key === 'Enter'");
    }

    /** The case view, {@code cases/<id>}: by its address, so this feature needs no class of the cases' views. */
    void open(BoardCase c) {
        getUI().ifPresent(ui -> ui.navigate("cases/" + c.id()));
    }

    static String due(LocalDateTime due, LocalDateTime now) {
        return (due.getYear() == now.getYear() ? DUE : DUE_OTHER_YEAR).format(due);
    }

    private static String item(BoardCase c) {
        return c.itemName() == null ? c.itemCode() : c.itemCode() + " " + c.itemName();
    }
}
