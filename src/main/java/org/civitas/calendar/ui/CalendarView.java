package org.civitas.calendar.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.calendar.CalendarDayRow;
import org.civitas.calendar.CalendarImportSummary;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.DayKind;
import org.civitas.calendar.WorkingCalendar;
import org.civitas.base.identity.AppRoles;

/**
 * The working calendar: a year's holidays and make-up working days (the exceptions to the Monday–Friday week), added
 * one by one or imported from the State Council's notice as CSV. A year has fewer than 40 rows, so the grid holds
 * them all.
 */
@Route("admin/calendar")
@Menu(order = 93, title = "menu.calendar", icon = "vaadin:calendar")
@RolesAllowed(AppRoles.ADMIN)
public class CalendarView extends VerticalLayout implements HasDynamicTitle {

    static final int FIRST_YEAR = 2016;
    static final int MAX_UPLOAD_BYTES = 1024 * 1024;

    private final CalendarService calendar;
    final Select<Integer> year = new Select<>();
    final Grid<CalendarDayRow> grid = new Grid<>();
    final Span workingDays = new Span();
    final Upload upload = new Upload();

    public CalendarView(CalendarService calendar, Clock clock) {
        this.calendar = calendar;
        setSizeFull();
        int thisYear = LocalDate.now(clock).getYear();
        year.setLabel(getTranslation("calendar.year"));
        year.setItems(IntStream.rangeClosed(FIRST_YEAR, thisYear + 1).boxed().toList());
        year.setItemLabelGenerator(String::valueOf);
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());

        Button add = new Button(getTranslation("calendar.add"), VaadinIcon.PLUS.create(), e -> openAdd());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("calendar-add");
        HorizontalLayout toolbar = new HorizontalLayout(year, add, workingDays);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        configureGrid();
        configureUpload();
        Span help = new Span(getTranslation("calendar.import.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(toolbar, grid, upload, help);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(d -> d.date().toString()).setHeader(getTranslation("calendar.date")).setAutoWidth(true);
        grid.addColumn(d -> d.weekday().getDisplayName(TextStyle.FULL, getLocale()))
                .setHeader(getTranslation("calendar.weekday")).setAutoWidth(true);
        grid.addComponentColumn(this::badge).setHeader(getTranslation("calendar.kind")).setAutoWidth(true);
        grid.addColumn(CalendarDayRow::name).setHeader(getTranslation("calendar.name")).setFlexGrow(1);
        grid.addComponentColumn(this::removeButton).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    }

    private Span badge(CalendarDayRow d) {
        Span badge = new Span(getTranslation("DayKind." + d.kind().name()));
        badge.getElement().getThemeList().add(d.kind() == DayKind.HOLIDAY ? "badge success" : "badge contrast");
        return badge;
    }

    private Button removeButton(CalendarDayRow d) {
        Button remove = new Button(getTranslation("action.delete"), e -> confirmRemove(d));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private void configureUpload() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("calendar.import.button")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("calendar.import.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("calendar.import.tooBig"))
                .setIncorrectFileType(getTranslation("calendar.import.wrongType"))
                .setTooManyFiles(getTranslation("calendar.import.wrongType")));
        upload.setI18n(i18n);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setId("calendar-import");
        upload.addFileRejectedListener(e -> Toasts.error(e.getErrorMessage()));
        // The handler runs in the upload request without the session lock (but with the user's security context);
        // the UI is updated through ui.access and reaches the browser with the upload's success event.
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                CalendarImportSummary summary = calendar.importCsv(new ByteArrayInputStream(bytes));
                ui.access(() -> imported(summary));
            } catch (RuleViolation v) {
                ui.access(() -> {
                    upload.clearFileList();
                    Toasts.refused(v);
                });
            }
        }));
    }

    void imported(CalendarImportSummary summary) {
        upload.clearFileList();
        String years = summary.years().stream().map(String::valueOf).collect(Collectors.joining(getTranslation("calendar.import.yearSeparator")));
        Toasts.success(getTranslation("calendar.import.done", years, summary.holidays(), summary.workdays()));
        if (!summary.years().contains(year.getValue())) {
            year.setValue(summary.years().get(0));
        } else {
            refresh();
        }
    }

    private void openAdd() {
        CalendarDayDialog dialog = new CalendarDayDialog(year.getValue());
        dialog.addSaveListener(e -> {
            if (run(() -> calendar.add(e.date(), e.kind(), e.name()), "calendar.saved")) {
                dialog.close();
                if (e.date().getYear() != year.getValue()) {
                    year.setValue(e.date().getYear());
                }
            }
        });
        dialog.open();
    }

    private void confirmRemove(CalendarDayRow d) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("action.delete"));
        confirm.setText(getTranslation("calendar.remove.confirm", d.date().toString(), d.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> run(() -> calendar.remove(d.date()), "calendar.removed"));
        confirm.open();
    }

    private boolean run(Runnable action, String successKey) {
        try {
            action.run();
            Toasts.success(getTranslation(successKey));
            refresh();
            return true;
        } catch (RuleViolation v) {
            Toasts.refused(v);
            return false;
        }
    }

    void refresh() {
        int y = year.getValue();
        List<CalendarDayRow> days = calendar.days(y);
        grid.setItems(days);
        WorkingCalendar working = calendar.workingCalendar();
        long count = LocalDate.of(y, 1, 1).datesUntil(LocalDate.of(y + 1, 1, 1)).filter(working::isWorkingDay).count();
        workingDays.setText(getTranslation("calendar.workingDays", String.valueOf(y), count));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.calendar");
    }
}
