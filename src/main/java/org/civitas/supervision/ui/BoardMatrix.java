package org.civitas.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.civitas.cases.CaseStatus;
import org.civitas.supervision.BoardFilter;
import org.civitas.supervision.UnitLoad;

/**
 * The unit × state matrix of the board: a row per lead unit (by name), the worst first; every count opens the inbox
 * filtered to what it counts, with the board's district and department. The inbox has no filter for "under
 * supervision", so that count opens the list of open supervision orders of the unit instead (without the board's
 * filters, which that list does not have). For a clerk the matrix is one row, their unit's: the inbox is already
 * scoped to them, so its links name no unit.
 */
class BoardMatrix extends Grid<UnitLoad> {

    private static final String AWAITING = CaseStatus.AWAITING_UNIT.stream().sorted().map(Enum::name)
            .reduce((a, b) -> a + "," + b).orElseThrow();

    private final Function<String, String> unitName;
    private final Map<String, ToLongFunction<UnitLoad>> counts = new LinkedHashMap<>();
    private final Column<UnitLoad> nameColumn;
    private FooterRow footer;
    private String scopeUnit;
    private BoardFilter filter = BoardFilter.none();

    BoardMatrix(Function<String, String> unitName) {
        this.unitName = unitName;
        nameColumn = addColumn(u -> unitName.apply(u.unitCode())).setKey("unit")
                .setHeader(getTranslation("board.unit")).setFlexGrow(1).setSortable(true)
                .setComparator(Comparator.comparing(u -> unitName.apply(u.unitCode())));
        count("open", "board.open", UnitLoad::open);
        count("warning", "board.warning", UnitLoad::warning);
        count("overdue", "board.overdueCount", UnitLoad::overdue);
        count("supervised", "board.supervised", UnitLoad::supervised);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setSelectionMode(SelectionMode.NONE);
        setEmptyStateText(getTranslation("board.empty"));
        setAriaLabel(getTranslation("board.units"));
    }

    /** Shows the loads, the most overdue units first; below, for the city, the totals. */
    void show(List<UnitLoad> loads, String scope, BoardFilter f) {
        this.scopeUnit = scope;
        this.filter = f;
        List<UnitLoad> rows = new ArrayList<>(loads);
        rows.sort(Comparator.comparingLong(UnitLoad::overdue).reversed()
                .thenComparing(Comparator.comparingLong(UnitLoad::warning).reversed())
                .thenComparing(Comparator.comparingLong(UnitLoad::open).reversed())
                .thenComparing(UnitLoad::unitCode));
        setItems(rows);
        if (scope != null) {
            return;
        }
        if (footer == null) {
            footer = appendFooterRow();
            footer.getCell(nameColumn).setText(getTranslation("board.total"));
        }
        counts.forEach((key, value) -> footer.getCell(getColumnByKey(key)).setComponent(
                link(key, null, rows.stream().mapToLong(value).sum())));
    }

    /** The address a count of {@code unit} (null: the total) opens. */
    String href(String key, String unit) {
        if (key.equals("supervised")) {
            String of = unit != null ? unit : scopeUnit;
            return "supervision?" + (of == null ? "" : "unit=" + of + "&") + "state=OPEN";
        }
        StringJoiner q = new StringJoiner("&", "cases?", "");
        switch (key) {
            case "open" -> q.add("status=" + AWAITING);
            case "warning" -> q.add("dueSoon=true");
            default -> q.add("overdue=true");
        }
        // a clerk's row is all their cases, whoever leads them: the scoped inbox needs no unit
        String lead = scopeUnit == null && unit != null ? unit : filter.leadUnitCode();
        if (lead != null) {
            q.add("unit=" + lead);
        }
        if (filter.districtCode() != null) {
            q.add("district=" + filter.districtCode());
        }
        return q.toString();
    }

    private void count(String key, String headerKey, ToLongFunction<UnitLoad> value) {
        counts.put(key, value);
        addComponentColumn(u -> link(key, u.unitCode(), value.applyAsLong(u))).setKey(key)
                .setHeader(getTranslation(headerKey)).setWidth("7em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setSortable(true).setComparator(Comparator.comparingLong(value));
    }

    private Component link(String key, String unit, long n) {
        if (n == 0) {
            return new Span("0");
        }
        Anchor a = new Anchor(href(key, unit), Long.toString(n));
        // the router opens it in place, as a menu entry would
        a.getElement().setAttribute("router-link", true);
        return a;
    }
}
