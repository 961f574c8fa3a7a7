package org.civitas.cases.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
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
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.RowGrid;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.CaseExcelExporter;
import org.civitas.cases.CaseFilter;
import org.civitas.cases.CaseRow;
import org.civitas.cases.CaseService;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.InboxCursor;
import org.civitas.catalog.CatalogService;
import org.civitas.security.AppRoles;

/**
 * 诉求工单: every case the user may see, soonest deadline first, in a lazy grid that never counts the table and
 * pages by keyset. The filters live in the address bar too, so other pages link to a filtered inbox. The export
 * writes exactly the filtered rows.
 */
@Route("cases")
@Menu(order = 10, title = "menu.inbox", icon = "vaadin:inbox")
@RolesAllowed({AppRoles.OPERATOR, AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK, AppRoles.LEADER, AppRoles.INSPECTOR})
public class InboxView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int MAX_PAGE = 1000;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CaseService cases;
    private final Clock clock;
    private final I18NProvider i18n;
    private final InboxNames names;
    final InboxFilters filters;
    final Grid<CaseRow> grid = new RowGrid<>();
    /** Read by the export's download request, which runs outside the UI's session lock. */
    private volatile CaseFilter filter = CaseFilter.any();
    private InboxKeysetFetcher<CaseRow, InboxCursor> fetcher;

    public InboxView(CaseService cases, CatalogService catalog, Clock clock, I18NProvider i18n,
                     AuthenticationContext auth) {
        this.cases = cases;
        this.clock = clock;
        this.i18n = i18n;
        this.names = InboxNames.load(catalog, LocalDate.now(clock));
        setSizeFull();
        filters = new InboxFilters(names, auth.hasAnyRole(AppRoles.OPERATOR, AppRoles.SUPERVISOR));
        filters.addChangeListener(() -> {
            show(filters.value());
            UI.getCurrent().getPage().getHistory().replaceState(null, new Location("cases", InboxQuery.of(filter)));
        });

        Button refresh = new Button(getTranslation("inbox.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button exportButton = new Button(getTranslation("inbox.export"), VaadinIcon.DOWNLOAD_ALT.create());
        Anchor export = new Anchor((DownloadHandler) this::download, AttachmentType.DOWNLOAD, "");
        export.add(exportButton);
        export.setId("inbox-export");
        HorizontalLayout actions = new HorizontalLayout(refresh, export);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        columns();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.addItemClickListener(e -> UI.getCurrent().navigate("cases/" + e.getItem().id()));
        add(filters, actions, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CaseFilter f = InboxQuery.parse(event.getLocation().getQueryParameters());
        filters.setValue(f, false);
        show(f);
    }

    /** A new data provider with its own cursor memory: the grid starts from the top of the new result. */
    private void show(CaseFilter f) {
        filter = f;
        InboxKeysetFetcher<CaseRow, InboxCursor> pages = new InboxKeysetFetcher<>(
                (after, skip, limit) -> cases.inbox(f, after, skip, limit), CaseRow::cursor, MAX_PAGE);
        fetcher = pages;
        // rows are known by their id: the grid keys every row it sends, and a record's own hash reads all its fields
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()).stream())
                .setIdentifierProvider(CaseRow::id);
        grid.scrollToStart();
    }

    /** New and changed cases since: the cursors remembered so far may no longer be where they were. */
    private void refresh() {
        fetcher.reset();
        grid.getDataProvider().refreshAll();
    }

    private void columns() {
        grid.addColumn(CaseRow::number).setHeader(getTranslation("inbox.col.number")).setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(LitRenderer.<CaseRow>of("<span theme='badge ${item.theme}'>${item.label}</span>")
                        .withProperty("label", r -> getTranslation(r.status().labelKey()))
                        .withProperty("theme", r -> badge(r.status())))
                .setHeader(getTranslation("inbox.col.status")).setAutoWidth(true);
        grid.addColumn(r -> r.itemCode() == null ? "" : r.itemCode() + " " + names.category(r.categoryCode()))
                .setTooltipGenerator(r -> names.item(r.itemCode()))
                .setHeader(getTranslation("inbox.col.item")).setAutoWidth(true);
        grid.addColumn(r -> join(names.unit(r.districtCode()), names.unit(r.streetCode())))
                .setHeader(getTranslation("inbox.col.place")).setAutoWidth(true);
        grid.addColumn(CaseRow::address).setTooltipGenerator(CaseRow::address)
                .setHeader(getTranslation("inbox.col.address")).setWidth("14em").setFlexGrow(1);
        grid.addColumn(r -> names.unit(r.leadUnitCode())).setHeader(getTranslation("inbox.col.leadUnit"))
                .setAutoWidth(true);
        grid.addColumn(r -> format(r.receivedAt())).setHeader(getTranslation("inbox.col.receivedAt"))
                .setAutoWidth(true);
        grid.addColumn(LitRenderer.<CaseRow>of("<span>${item.due}</span> <span class='${item.css}'>${item.left}</span>")
                        .withProperty("due", r -> format(r.handleDueAt()))
                        .withProperty("left", r -> timeLeft(r).map(t -> getTranslation(t.key(), t.amount())).orElse(""))
                        .withProperty("css", r -> timeLeft(r).filter(InboxTimeLeft::overdue).map(t -> "overdue")
                                .orElse("")))
                .setHeader(getTranslation("inbox.col.handleDue")).setAutoWidth(true);
        grid.addColumn(r -> r.channel() == null ? "" : getTranslation("Channel." + r.channel().name()))
                .setHeader(getTranslation("inbox.col.channel")).setAutoWidth(true);
        grid.addColumn(r -> r.phone() == null ? "" : r.phone()).setHeader(getTranslation("inbox.col.phone"))
                .setAutoWidth(true);
        // the order is the service's: deadline first, then id (keyset)
        grid.getColumns().forEach(c -> c.setSortable(false));
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

    private static String join(String a, String b) {
        return List.of(a, b).stream().filter(s -> s != null && !s.isEmpty()).reduce((x, y) -> x + " " + y)
                .orElse("");
    }

    private static String format(LocalDateTime t) {
        return t == null ? "" : CaseFormat.minute(t);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.inbox");
    }
}
