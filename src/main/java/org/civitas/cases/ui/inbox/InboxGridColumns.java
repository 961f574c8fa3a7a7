package org.civitas.cases.ui.inbox;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.inbox.CaseRow;
import org.civitas.cases.lifecycle.InboxColumns;
import org.civitas.cases.ui.caseview.CaseFormat;

/**
 * The inbox grid's columns, each with a key: the defaults fit 1,366 px beside the side menu, the others wait in the
 * column chooser, whose choice is kept per user ({@link InboxColumns}). Only the service's keyset orders sort.
 */
final class InboxGridColumns {

    /** Shown unless the user chose otherwise. */
    static final Set<String> DEFAULT = Set.of("number", "status", "item", "place", "address", "leadUnit",
            "receivedAt", "handleDue");

    private final Grid<CaseRow> grid;
    private final InboxNames names;
    private final Clock clock;
    private final Map<String, MenuItem> choices = new HashMap<>();
    private InboxColumns columnChoice;

    InboxGridColumns(Grid<CaseRow> grid, InboxNames names, Clock clock) {
        this.grid = grid;
        this.names = names;
        this.clock = clock;
    }

    void add() {
        grid.addColumn(CaseRow::number).setKey("number").setHeader(grid.getTranslation("inbox.col.number"))
                .setWidth("10em").setFlexGrow(0).setFrozen(true);
        grid.addColumn(LitRenderer.<CaseRow>of("<span theme='badge ${item.theme}'>${item.label}</span>")
                        .withProperty("label", r -> grid.getTranslation(r.status().labelKey()))
                        .withProperty("theme", r -> badge(r.status())))
                .setKey("status").setHeader(grid.getTranslation("inbox.col.status")).setWidth("6em").setFlexGrow(0);
        grid.addColumn(r -> r.itemCode() == null ? "" : r.itemCode() + " " + names.item(r.itemCode()))
                .setTooltipGenerator(r -> r.itemCode() == null ? ""
                        : names.category(r.categoryCode()) + " / " + names.item(r.itemCode()))
                .setKey("item").setHeader(grid.getTranslation("inbox.col.item")).setWidth("12em").setFlexGrow(1);
        // the street's full name (it starts with its district's) in the tooltip
        grid.addColumn(r -> names.place(r.districtCode(), r.streetCode()))
                .setTooltipGenerator(r -> r.streetCode() == null ? names.unit(r.districtCode())
                        : names.unit(r.streetCode()))
                .setKey("place").setHeader(grid.getTranslation("inbox.col.place")).setWidth("8.5em").setFlexGrow(0);
        // long addresses end in an ellipsis (the cell's own overflow); the whole address is in the tooltip
        grid.addColumn(CaseRow::address).setTooltipGenerator(CaseRow::address)
                .setKey("address").setHeader(grid.getTranslation("inbox.col.address")).setWidth("6em").setFlexGrow(2);
        grid.addColumn(r -> names.unit(r.leadUnitCode())).setTooltipGenerator(r -> names.unit(r.leadUnitCode()))
                .setKey("leadUnit").setHeader(grid.getTranslation("inbox.col.leadUnit")).setWidth("7em").setFlexGrow(1);
        grid.addColumn(r -> shortTime(r.receivedAt())).setTooltipGenerator(r -> format(r.receivedAt()))
                .setKey("receivedAt").setHeader(grid.getTranslation("inbox.col.receivedAt")).setWidth("7.5em")
                .setFlexGrow(0);
        // the deadline and the time left in one cell; the full deadline with the time left in the tooltip
        grid.addColumn(LitRenderer.<CaseRow>of(
                        "<span>${item.due}</span> <span style='${item.css}'>${item.left}</span>")
                        .withProperty("due", r -> shortTime(r.handleDueAt()))
                        .withProperty("left", r -> timeLeft(r).map(t -> grid.getTranslation(t.key(), t.amount())).orElse(""))
                        .withProperty("css", r -> timeLeft(r).filter(InboxTimeLeft::overdue)
                                .map(t -> "color: var(--lumo-error-text-color)").orElse("")))
                .setTooltipGenerator(r -> r.handleDueAt() == null ? "" : timeLeft(r)
                        .map(t -> grid.getTranslation("inbox.due.tooltip", format(r.handleDueAt()),
                                grid.getTranslation(t.key(), t.amount())))
                        .orElse(format(r.handleDueAt())))
                .setKey("handleDue").setHeader(grid.getTranslation("inbox.col.handleDue")).setWidth("12em")
                .setFlexGrow(0);
        grid.addColumn(r -> r.channel() == null ? "" : grid.getTranslation("Channel." + r.channel().name()))
                .setKey("channel").setHeader(grid.getTranslation("inbox.col.channel")).setAutoWidth(true);
        grid.addColumn(r -> r.phone() == null ? "" : r.phone()).setKey("phone")
                .setHeader(grid.getTranslation("inbox.col.phone")).setAutoWidth(true);
        // the service's keyset orders only: number, received time and deadline (unsorted: the role's order)
        grid.getColumns().forEach(c -> c.setSortable(false));
        grid.getColumns().forEach(c -> c.setResizable(true));
        sortable("number", "number");
        sortable("receivedAt", "received");
        sortable("handleDue", "deadline");
        grid.setMultiSort(false);
    }

    private void sortable(String key, String property) {
        grid.getColumnByKey(key).setSortable(true).setSortProperty(property);
    }

    /** A menu of checkboxes, one per column but the number; the user's choice is kept on the server. */
    MenuBar chooser(InboxColumns columnChoice) {
        this.columnChoice = columnChoice;
        MenuBar columnMenu = new MenuBar();
        Set<String> shown = columnChoice.visible().orElse(DEFAULT);
        MenuItem menu = columnMenu.addItem(VaadinIcon.GRID_SMALL.create());
        menu.add(new Span(grid.getTranslation("inbox.columns")));
        columnMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        SubMenu sub = menu.getSubMenu();
        for (Grid.Column<CaseRow> c : grid.getColumns()) {
            if (c.getKey().equals("number")) {
                continue;
            }
            c.setVisible(shown.contains(c.getKey()));
            MenuItem item = sub.addItem(grid.getTranslation("inbox.col." + c.getKey()));
            item.setCheckable(true);
            item.setChecked(c.isVisible());
            // the menu stays open while columns are ticked
            item.setKeepOpen(true);
            item.addClickListener(e -> {
                c.setVisible(item.isChecked());
                columnChoice.choose(visible());
            });
            choices.put(c.getKey(), item);
        }
        return columnMenu;
    }

    /** The keys of the columns shown now, in the grid's order. */
    Set<String> visible() {
        Set<String> now = new LinkedHashSet<>();
        grid.getColumns().stream().filter(Grid.Column::isVisible).forEach(v -> now.add(v.getKey()));
        return now;
    }

    /** Shows exactly these columns (the number always), ticks them in the chooser and keeps the choice. */
    void show(Set<String> keys) {
        choices.forEach((key, item) -> {
            grid.getColumnByKey(key).setVisible(keys.contains(key));
            item.setChecked(keys.contains(key));
        });
        columnChoice.choose(visible());
    }

    private java.util.Optional<InboxTimeLeft> timeLeft(CaseRow r) {
        return InboxTimeLeft.of(r, LocalDateTime.now(clock));
    }

    private static String badge(CaseStatus s) {
        return switch (s) {
            case REPLIED -> "success";
            case CLOSED -> "success primary";
            case RETURN_REQUESTED -> "error";
            case REGISTERED, INVALID, MERGED -> "contrast";
            default -> "";
        };
    }

    /**
     * {@code MM-dd HH:mm} for a time of this year, the full time otherwise: the item's name gets the width the year
     * took, so that the default columns fit 1,366 px; the full time is in the tooltip.
     */
    private String shortTime(LocalDateTime t) {
        if (t == null) {
            return "";
        }
        String full = CaseFormat.minute(t);
        return t.getYear() == LocalDateTime.now(clock).getYear() ? full.substring(5) : full;
    }

    private static String format(LocalDateTime t) {
        return t == null ? "" : CaseFormat.minute(t);
    }

}
