package org.civitas.supervision.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
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
import org.civitas.catalog.CatalogService;
import org.civitas.base.ui.CountingBasis;
import org.civitas.catalog.UnitFilter;
import org.civitas.catalog.UnitView;
import org.civitas.base.identity.AppRoles;
import org.civitas.supervision.Board;
import org.civitas.supervision.BoardCase;
import org.civitas.supervision.BoardFilter;
import org.civitas.supervision.BoardPart;
import org.civitas.supervision.BoardSection;
import org.civitas.supervision.BoardService;
import org.civitas.supervision.CaseBroadcaster;
import org.civitas.supervision.OverdueNotices;
import org.springframework.data.domain.PageRequest;

/**
 * 时限看板: what is late or about to be, on one screen. The city sees the unit × state matrix first, then the four
 * lists as tabs; a clerk (or a unit leader) sees the lists first and their unit's row below. Grids have a fixed share
 * of the page and scroll inside; each list holds every case of its tab's total, read page by page beyond the first
 * hundred. It refreshes itself every 30 seconds (the countdowns move) and, by server push,
 * within a second of any committed case change.
 */
@Route("board")
@Menu(order = 15, title = "menu.board", icon = "vaadin:clock")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.LEADER, AppRoles.UNIT_CLERK})
public class DeadlineBoardView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 30_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BoardService board;
    private final CaseBroadcaster broadcaster;
    private final OverdueNotices inspections;
    private final Map<String, String> unitNames = new HashMap<>();
    /** The board's own "now", from its last load: countdowns agree with the lists they stand in. */
    private LocalDateTime now;
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> department = new ComboBox<>();
    final BoardMatrix units = new BoardMatrix(this::unitName);
    final Grid<BoardCase> overdue = new BoardCaseGrid(this::unitName, () -> now);
    final Grid<BoardCase> emergency = new BoardCaseGrid(this::unitName, () -> now);
    final Grid<BoardCase> today = new BoardCaseGrid(this::unitName, () -> now);
    final Grid<BoardCase> soon = new BoardCaseGrid(this::unitName, () -> now);
    final TabSheet lists = new TabSheet();
    private final List<Section> sections;
    final Span updated = new Span();
    final CountingBasis basis = new CountingBasis("board-basis", "board.basis");
    /** Overdue rectification notices (inspection feature), scoped to the clerk's unit by its service. */
    final Span notices = new Span();
    /** The unit the board is scoped to (a clerk's or a unit leader's), null for the city. */
    private String scopeUnit;
    private Registration push;
    private Registration poll;
    int refreshes;

    /** A tab: its title, its list, its grid and how many cases the list holds now. */
    private record Section(String titleKey, BoardPart part, Grid<BoardCase> grid, Tab tab, long[] total) {
    }

    public DeadlineBoardView(BoardService board, CaseBroadcaster broadcaster, CatalogService catalog,
                             OverdueNotices inspections) {
        this.board = board;
        this.inspections = inspections;
        this.broadcaster = broadcaster;
        catalog.units(UnitFilter.all(), PageRequest.of(0, 2000)).forEach(u -> unitNames.put(u.code(), u.name()));
        setSizeFull();
        setSpacing(false);
        filter(district, catalog.districts(), "board.filter.district", "board.filter.allDistricts");
        filter(department, catalog.leadUnits(), "board.filter.department", "board.filter.allDepartments");
        sections = List.of(section("board.overdue", BoardPart.OVERDUE, overdue, "board-overdue"),
                section("board.emergency", BoardPart.EMERGENCY, emergency, "board-emergency"),
                section("board.today", BoardPart.TODAY, today, "board-today"),
                section("board.soon", BoardPart.SOON, soon, "board-soon"));
        lists.setWidthFull();
        lists.setMinHeight("12rem");
        units.setId("board-units");
        notices.setId("board-notices");
        refresh();
        if (scopeUnit == null) {
            // the city: the matrix first, a fixed slice of the screen, scrolling inside
            units.setHeight("15.5rem");
            add(header(), basis, units, lists);
        } else {
            units.setAllRowsVisible(true);
            add(header(), basis, lists, units);
        }
        setFlexGrow(1, lists);
        // open on the most urgent list that has cases, not on an empty one
        sections.stream().filter(s -> s.total()[0] > 0).findFirst()
                .ifPresent(s -> lists.setSelectedTab(s.tab()));
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

    /** Reloads every section with the chosen filters; the countdowns are computed against the board's own "now". */
    void refresh() {
        BoardFilter f = new BoardFilter(code(district), code(department));
        Board b = board.board(f);
        now = b.now();
        scopeUnit = b.scopeUnit();
        show(sections.get(0), b.overdue(), f);
        show(sections.get(1), b.emergencySoon(), f);
        show(sections.get(2), b.dueToday(), f);
        show(sections.get(3), b.dueSoon(), f);
        units.show(b.units(), b.scopeUnit(), f);
        notices.setText(getTranslation("notice.board.overdue", inspections.overdueCount()));
        updated.setText(getTranslation("board.updated", TIME.format(now)));
        refreshes++;
    }

    /**
     * A lazy list of exactly the section's total: the rows the board brought serve the first pages, the rest are
     * read page by page as the user scrolls, as the board stood at its own "now".
     */
    private void show(Section s, BoardSection data, BoardFilter f) {
        List<BoardCase> first = data.cases();
        long total = data.total();
        LocalDateTime at = now;
        s.total()[0] = total;
        s.grid().setItems(q -> q.getOffset() + q.getLimit() <= first.size() || total <= first.size()
                        ? first.stream().skip(q.getOffset()).limit(q.getLimit())
                        : board.page(s.part(), f, at, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(total, Integer.MAX_VALUE));
        s.tab().setLabel(getTranslation("board.tab", getTranslation(s.titleKey()), total));
    }

    private HorizontalLayout header() {
        H2 title = new H2(getTranslation("board.title"));
        title.getStyle().set("margin", "0");
        Span spacer = new Span();
        HorizontalLayout header = new HorizontalLayout(title, updated, notices, spacer, district, department);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(spacer);
        header.getStyle().set("flex-wrap", "wrap");
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return header;
    }

    private Section section(String titleKey, BoardPart part, Grid<BoardCase> grid, String id) {
        grid.setId(id);
        grid.setSizeFull();
        VerticalLayout panel = new VerticalLayout(grid);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setSizeFull();
        panel.setFlexGrow(1, grid);
        Tab tab = lists.add(getTranslation(titleKey), panel);
        return new Section(titleKey, part, grid, tab, new long[1]);
    }

    /** A unit picker, labelled by its placeholder so that the header stays one line. */
    private void filter(ComboBox<UnitView> box, List<UnitView> choices, String labelKey, String placeholderKey) {
        box.setItems(choices);
        box.setItemLabelGenerator(UnitView::name);
        box.setAriaLabel(getTranslation(labelKey));
        box.setPlaceholder(getTranslation(placeholderKey));
        box.setClearButtonVisible(true);
        box.setWidth("13rem");
        box.addValueChangeListener(e -> refresh());
    }

    private static String code(ComboBox<UnitView> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    private String unitName(String code) {
        return code == null ? "" : unitNames.getOrDefault(code, code);
    }

    List<BoardCase> items(Grid<BoardCase> grid) {
        return grid.getLazyDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title");
    }
}
