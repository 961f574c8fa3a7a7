package org.civitas.supervision.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitFilter;
import org.civitas.inspection.NoticeService;
import org.civitas.security.AppRoles;
import org.civitas.supervision.Board;
import org.civitas.supervision.BoardCase;
import org.civitas.supervision.BoardService;
import org.civitas.supervision.CaseBroadcaster;
import org.civitas.supervision.UnitLoad;
import org.springframework.data.domain.PageRequest;

/**
 * 时限看板: what is late or about to be. It refreshes itself every 30 seconds (the countdowns move) and, by server
 * push, within a second of any committed case change.
 */
@Route("board")
@Menu(order = 15, title = "menu.board", icon = "vaadin:clock")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.LEADER, AppRoles.UNIT_CLERK})
public class DeadlineBoardView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 30_000;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BoardService board;
    private final CaseBroadcaster broadcaster;
    private final Map<String, String> unitNames = new HashMap<>();
    final Grid<BoardCase> overdue = caseGrid();
    final Grid<BoardCase> emergency = caseGrid();
    final Grid<BoardCase> today = caseGrid();
    final Grid<BoardCase> soon = caseGrid();
    final Grid<UnitLoad> units = new Grid<>();
    final Span updated = new Span();
    /** Overdue rectification notices (inspection feature), scoped to the clerk's unit by its service. */
    final Span notices = new Span();
    private final NoticeService inspections;
    /** The board's own "now", from its last load: countdowns agree with the lists they stand in. */
    private LocalDateTime now;
    private Registration push;
    private Registration poll;
    int refreshes;

    public DeadlineBoardView(BoardService board, CaseBroadcaster broadcaster, CatalogService catalog,
                             NoticeService inspections) {
        this.board = board;
        this.inspections = inspections;
        this.broadcaster = broadcaster;
        catalog.units(UnitFilter.all(), PageRequest.of(0, 2000)).forEach(u -> unitNames.put(u.code(), u.name()));
        setWidthFull();
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("board.title")), updated, notices);
        notices.setId("board-notices");
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(header,
                section("board.overdue", overdue), section("board.emergency", emergency),
                section("board.today", today), section("board.soon", soon),
                new H4(getTranslation("board.units")), unitGrid());
        overdue.setId("board-overdue");
        emergency.setId("board-emergency");
        today.setId("board-today");
        soon.setId("board-soon");
        units.setId("board-units");
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent e) {
        UI ui = e.getUI();
        push = broadcaster.register(ui, this::refresh);
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(p -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent e) {
        push.remove();
        poll.remove();
        e.getUI().setPollInterval(-1);
    }

    /** Reloads every section; the countdowns are computed against the board's own "now". */
    void refresh() {
        Board b = board.board();
        now = b.now();
        overdue.setItems(b.overdue());
        emergency.setItems(b.emergencySoon());
        today.setItems(b.dueToday());
        soon.setItems(b.dueSoon());
        units.setItems(b.units());
        notices.setText(getTranslation("notice.board.overdue", inspections.overdueCount()));
        updated.setText(getTranslation("board.updated", TIME.format(now)));
        refreshes++;
    }

    private VerticalLayout section(String titleKey, Grid<BoardCase> grid) {
        VerticalLayout s = new VerticalLayout(new H4(getTranslation(titleKey)), grid);
        s.setPadding(false);
        s.setSpacing(false);
        return s;
    }

    private Grid<BoardCase> caseGrid() {
        Grid<BoardCase> g = new Grid<>();
        g.addColumn(BoardCase::number).setHeader(getTranslation("board.number")).setAutoWidth(true);
        g.addColumn(c -> c.itemName() == null ? c.itemCode() : c.itemCode() + " " + c.itemName())
                .setHeader(getTranslation("board.item")).setFlexGrow(1);
        g.addColumn(c -> unitName(c.leadUnitCode())).setHeader(getTranslation("board.unit")).setAutoWidth(true);
        g.addColumn(c -> DUE.format(c.handleDueAt())).setHeader(getTranslation("board.deadline")).setAutoWidth(true);
        g.addColumn(c -> Countdown.text(this, c.handleDueAt(), now)).setHeader(getTranslation("board.countdown"))
                .setAutoWidth(true);
        g.setAllRowsVisible(true);
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.setEmptyStateText(getTranslation("board.empty"));
        return g;
    }

    private Grid<UnitLoad> unitGrid() {
        units.addColumn(u -> unitName(u.unitCode())).setHeader(getTranslation("board.unit")).setFlexGrow(1);
        count("board.open", UnitLoad::open, u -> "cases?unit=" + u.unitCode());
        count("board.warning", UnitLoad::warning, u -> "cases?unit=" + u.unitCode() + "&dueSoon=true");
        count("board.overdueCount", UnitLoad::overdue, u -> "cases?unit=" + u.unitCode() + "&overdue=true");
        count("board.supervised", UnitLoad::supervised, u -> "supervision?unit=" + u.unitCode() + "&state=OPEN");
        units.setAllRowsVisible(true);
        units.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        units.setEmptyStateText(getTranslation("board.empty"));
        return units;
    }

    /** A count that opens the inbox (or the order list) filtered to what it counts. */
    private void count(String headerKey, ToLongFunction<UnitLoad> value,
                       Function<UnitLoad, String> href) {
        units.addComponentColumn(u -> {
            long n = value.applyAsLong(u);
            if (n == 0) {
                return new Span("0");
            }
            return new Anchor(href.apply(u), Long.toString(n));
        }).setHeader(getTranslation(headerKey)).setAutoWidth(true);
    }

    private String unitName(String code) {
        return code == null ? "" : unitNames.getOrDefault(code, code);
    }

    List<BoardCase> items(Grid<BoardCase> grid) {
        return grid.getListDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title");
    }
}
