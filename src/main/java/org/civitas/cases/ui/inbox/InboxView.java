package org.civitas.cases.ui.inbox;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.RowGrid;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.inbox.CaseExcelExporter;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.inbox.CaseRow;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.lifecycle.InboxColumns;
import org.civitas.cases.inbox.InboxCursor;
import org.civitas.cases.inbox.InboxOrder;
import org.civitas.cases.inbox.InboxTotal;
import org.civitas.cases.lifecycle.InboxViews;
import org.civitas.cases.lifecycle.InboxViews.SavedView;
import org.civitas.catalog.CatalogService;
import org.civitas.base.identity.AppRoles;

/**
 * 诉求工单: every case the user may see, in a lazy grid that pages by keyset and counts only up to a cap (DD030,
 * DD034). Each role opens on its work (see {@link #defaultFilter}); the filters live in the address bar too, so other
 * pages link to a filtered inbox. One toolbar line holds the active filters as removable chips, the full filter panel
 * behind 筛选, the total, the column chooser and the export, which writes exactly the filtered rows.
 */
@Route("cases")
@Menu(order = 10, title = "menu.inbox", icon = "vaadin:inbox")
@RolesAllowed({AppRoles.OPERATOR, AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK, AppRoles.LEADER, AppRoles.INSPECTOR})
public class InboxView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int MAX_PAGE = 1000;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CaseService cases;
    private final InboxColumns columnChoice;
    private final Clock clock;
    private final I18NProvider i18n;
    private final AuthenticationContext auth;
    private final InboxNames names;
    final InboxGridColumns gridColumns;
    final InboxFilters filters;
    final InboxSavedViews savedViews;
    final Grid<CaseRow> grid = new RowGrid<>();
    final HorizontalLayout chips = new HorizontalLayout();
    final Span total = new Span();
    final Button filterToggle;
    /** A clerk's cases to sign for come before those in hand; everyone else's by deadline. */
    final InboxOrder order;
    /** Read by the export's download request, which runs outside the UI's session lock. */
    private volatile CaseFilter filter = CaseFilter.any();
    private InboxKeysetFetcher<CaseRow, InboxCursor> fetcher;
    private InboxOrder fetcherOrder;

    public InboxView(CaseService cases, InboxColumns columnChoice, InboxViews views, CatalogService catalog,
                     Clock clock, I18NProvider i18n, AuthenticationContext auth) {
        this.cases = cases;
        this.columnChoice = columnChoice;
        this.clock = clock;
        this.i18n = i18n;
        this.auth = auth;
        this.names = InboxNames.load(catalog, LocalDate.now(clock));
        this.order = auth.hasRole(AppRoles.UNIT_CLERK) ? InboxOrder.STATE : InboxOrder.DEADLINE;
        setSizeFull();
        filters = new InboxFilters(names, auth.hasAnyRole(AppRoles.OPERATOR, AppRoles.SUPERVISOR));
        filters.addChangeListener(() -> {
            show(filters.value());
            UI.getCurrent().getPage().getHistory().replaceState(null, new Location("cases", InboxQuery.of(filter)));
        });

        filterToggle = new Button(getTranslation("inbox.filters"), VaadinIcon.FILTER.create());
        filterToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Popover panel = new Popover(filters);
        panel.setTarget(filterToggle);
        panel.setPosition(PopoverPosition.BOTTOM_START);
        panel.setWidth("min(92vw, 64em)");
        panel.setAutofocus(true);
        chips.setSpacing(false);
        // one line however many filters are set: the chips shrink first (ellipsis, whole text on hover), and only
        // what would not fit even then scrolls sideways rather than pushing the grid down
        chips.getStyle().set("gap", "var(--lumo-space-xs)").set("overflow-x", "auto").set("min-width", "0");
        total.getStyle().set("white-space", "nowrap").set("color", "var(--lumo-secondary-text-color)");
        total.setId("inbox-total");

        Button refresh = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        refresh.setTooltipText(getTranslation("inbox.refresh"));
        refresh.setAriaLabel(getTranslation("inbox.refresh"));
        Button exportButton = new Button(getTranslation("inbox.export"), VaadinIcon.DOWNLOAD_ALT.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor export = new Anchor((DownloadHandler) this::download, AttachmentType.DOWNLOAD, "");
        export.add(exportButton);
        export.setId("inbox-export");

        gridColumns = new InboxGridColumns(grid, names, clock);
        gridColumns.add();
        MenuBar columnMenu = gridColumns.chooser(columnChoice);
        savedViews = new InboxSavedViews(views, this::current, this::open);
        HorizontalLayout toolbar = new HorizontalLayout(filterToggle, savedViews, chips, total, columnMenu, refresh,
                export);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setFlexGrow(1, chips);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // the small font lets the default columns fit 1,366 px beside the side menu: their widths add up to 69em,
        // 966 px at 14 px, of the about 1,060 px left after the menu, the padding and a scrollbar
        grid.getStyle().set("font-size", "var(--lumo-font-size-s)");
        grid.setPageSize(50);
        grid.addItemClickListener(e -> UI.getCurrent().navigate("cases/" + e.getItem().id()));
        add(toolbar, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        CaseFilter f = query.getParameters().isEmpty() ? defaultFilter() : InboxQuery.parse(query);
        filters.setValue(f, false);
        show(f);
    }

    /**
     * What each role opens on: a clerk on the cases the unit still owes (to sign first, see {@link #order}), a
     * supervisor on the overdue ones, an operator on today's, anyone else on every open case. Each is an ordinary
     * filter, shown as chips and removable.
     */
    CaseFilter defaultFilter() {
        CaseFilter open = CaseFilter.any().withStatuses(InboxQuery.OPEN);
        if (auth.hasRole(AppRoles.UNIT_CLERK)) {
            return CaseFilter.any().withStatuses(CaseStatus.AWAITING_UNIT);
        }
        if (auth.hasRole(AppRoles.SUPERVISOR)) {
            return open.withOverdue();
        }
        if (auth.hasRole(AppRoles.OPERATOR)) {
            return open.receivedOn(LocalDate.now(clock));
        }
        return open;
    }

    /**
     * A new data provider with its own cursor memory: the grid starts from the top of the new result. A total
     * counted exactly sizes the scrollbar exactly; an estimated one sizes it roughly, and the grid learns the end
     * when a page comes back short.
     */
    private void show(CaseFilter f) {
        filter = f;
        fetcher = null;
        InboxTotal count = cases.inboxTotal(f);
        showTotal(count);
        // rows are known by their id: the grid keys every row it sends, and a record's own hash reads all its fields
        if (count.exact()) {
            grid.setItems(query -> pages(f, query).fetch(query.getOffset(), query.getLimit()).stream(),
                    query -> (int) Math.min(Integer.MAX_VALUE, showTotal(cases.inboxTotal(f)).count()))
                    .setIdentifierProvider(CaseRow::id);
        } else {
            var view = grid.setItems(query -> pages(f, query).fetch(query.getOffset(), query.getLimit()).stream());
            view.setIdentifierProvider(CaseRow::id);
            int estimate = (int) Math.min(Integer.MAX_VALUE / 2, count.count());
            view.setItemCountEstimate(estimate);
            view.setItemCountEstimateIncrease(Math.max(1000, estimate / 4));
        }
        chips.removeAll();
        filters.chips().forEach(c -> chips.add(chip(c)));
        grid.scrollToStart();
    }

    /**
     * The cursor memory of the order the grid asks for (a header's sort, else the role's order): a new one when the
     * order changes, since cursors of one order mean nothing in another.
     */
    private InboxKeysetFetcher<CaseRow, InboxCursor> pages(CaseFilter f, Query<CaseRow, ?> query) {
        InboxOrder o = query.getSortOrders().stream().findFirst()
                .map(s -> InboxOrder.by(s.getSorted(), s.getDirection() == SortDirection.DESCENDING))
                .orElse(order);
        if (fetcher == null || fetcherOrder != o) {
            fetcher = new InboxKeysetFetcher<>((after, skip, limit) -> cases.inbox(f, o, after, skip, limit),
                    CaseRow::cursor, MAX_PAGE);
            fetcherOrder = o;
        }
        return fetcher;
    }

    private InboxTotal showTotal(InboxTotal t) {
        total.setText(getTranslation(t.exact() ? "inbox.total" : "inbox.total.estimated", t.count()));
        return t;
    }

    private Span chip(InboxFilters.Chip c) {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> c.remove().run());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(getTranslation("inbox.filter.remove", c.text()));
        remove.getStyle().set("margin", "0").set("min-width", "0").set("height", "auto");
        Span text = new Span(c.text());
        text.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis").set("min-width", "0");
        Span chip = new Span(text, remove);
        chip.getElement().getThemeList().add("badge pill contrast");
        chip.getStyle().set("max-width", "20em").set("overflow", "hidden").set("white-space", "nowrap")
                .set("flex-shrink", "1").set("min-width", "5em");
        chip.setTitle(c.text());
        return chip;
    }

    /** The filters, the header's sort and the columns shown now, as a saved view keeps them. */
    InboxSavedViews.Current current() {
        InboxOrder sorted = grid.getSortOrder().stream().findFirst()
                .map(s -> InboxOrder.by(sortProperty(s.getSorted()), s.getDirection() == SortDirection.DESCENDING))
                .orElse(null);
        return new InboxSavedViews.Current(InboxQuery.of(filter).getQueryString(), sorted,
                String.join(",", gridColumns.visible()));
    }

    /** Opens a saved view: its columns (when it kept them), its sort, then its filters, as one new result. */
    void open(SavedView v) {
        if (v.columns() != null) {
            gridColumns.show(Set.of(v.columns().split(",")));
        }
        List<GridSortOrder<CaseRow>> sort = grid.getColumns().stream().filter(Grid.Column::isSortable)
                .flatMap(c -> Stream.of(SortDirection.ASCENDING, SortDirection.DESCENDING)
                        .filter(d -> InboxOrder.by(sortProperty(c), d == SortDirection.DESCENDING) == v.order())
                        .map(d -> new GridSortOrder<>(c, d)))
                .limit(v.order() == null ? 0 : 1).toList();
        grid.sort(sort);
        CaseFilter f = v.query().isBlank() ? CaseFilter.any() : InboxQuery.parse(QueryParameters.fromString(v.query()));
        filters.setValue(f, false);
        show(f);
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("cases", InboxQuery.of(filter)));
    }

    private static String sortProperty(Grid.Column<CaseRow> c) {
        return c.getSortOrder(SortDirection.ASCENDING).findFirst().map(o -> o.getSorted()).orElse("");
    }

    /** New and changed cases since: the cursors remembered so far may no longer be where they were. */
    private void refresh() {
        if (fetcher != null) {
            fetcher.reset();
        }
        grid.getDataProvider().refreshAll();
    }

    /** Runs in the download request, outside the session lock: only the filter and the locale come from the UI. */
    private void download(DownloadEvent event) throws IOException {
        Locale locale = event.getUI() == null ? getLocale() : event.getUI().getLocale();
        LocalDateTime now = LocalDateTime.now(clock);
        CaseExcelExporter.Texts texts = new CaseExcelExporter.Texts(key -> i18n.getTranslation(key, locale),
                names::unit, names::category, names::item);
        try (CaseExcelExporter excel = new CaseExcelExporter(texts, now)) {
            cases.forEachInboxRow(filter, excel::add);
            event.setFileName(i18n.getTranslation("inbox.export.fileName", locale, now.format(FILE_STAMP)));
            event.setContentType(XLSX);
            excel.writeTo(event.getOutputStream());
        } catch (RuleViolation refused) {
            event.getResponse().setStatus(409);
            UI ui = event.getUI();
            if (ui != null) {
                ui.access(() -> Toasts.refused(refused));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.inbox");
    }
}
