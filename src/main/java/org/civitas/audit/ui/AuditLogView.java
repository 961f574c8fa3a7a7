package org.civitas.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civitas.audit.AuditChain;
import org.civitas.audit.AuditEntry;
import org.civitas.audit.AuditExcel;
import org.civitas.audit.AuditFilter;
import org.civitas.audit.AuditService;
import org.civitas.audit.AuditTexts;
import org.civitas.base.ActorNameSource;
import org.civitas.base.ActorNames;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.DatePickers;
import org.civitas.base.ui.Toasts;
import org.civitas.base.identity.AppRoles;
import org.springframework.data.domain.PageRequest;

/**
 * The audit log, newest first, for the security auditor only (等保 separation of duties). Codes are shown in words
 * (actions, object types, failure reasons, changes field by field), filters pick from lists, and the export writes
 * exactly the filtered rows (and is audited itself).
 */
@Route("audit")
@Menu(order = 99, title = "menu.audit", icon = "vaadin:file-text-o")
@RolesAllowed(AppRoles.AUDITOR)
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Longer summaries are cut in the grid; the row's dialog shows all. */
    static final int SUMMARY_MAX = 120;

    private final AuditService audit;
    private final ActorNames names;
    private final I18NProvider i18n;
    private final Clock clock;
    private final AuditTexts texts = new AuditTexts(this::getTranslation);

    final Grid<AuditEntry> grid = new Grid<>();
    final MultiSelectComboBox<String> actions = new MultiSelectComboBox<>();
    final ComboBox<String> actor = new ComboBox<>();
    final ComboBox<String> targetType = new ComboBox<>();
    final TextField targetId = new TextField();
    final DatePicker from = DatePickers.date();
    final DatePicker to = DatePickers.date();
    final Button verify = new Button();
    /** Read by the export's download request, which runs outside the UI's session lock. */
    private volatile AuditFilter filter = AuditFilter.none();

    public AuditLogView(AuditService audit, AuditChain chain, ActorNames names, List<ActorNameSource> people,
                        I18NProvider i18n, Clock clock) {
        this.audit = audit;
        this.names = names;
        this.i18n = i18n;
        this.clock = clock;
        setSizeFull();
        filters(people);

        verify.setText(getTranslation("audit.verify"));
        verify.setIcon(VaadinIcon.SHIELD.create());
        verify.setId("audit-verify");
        verify.addClickListener(e -> showVerification(chain.verify()));
        Button exportButton = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD_ALT.create());
        Anchor export = new Anchor((DownloadHandler) this::download, AttachmentType.DOWNLOAD, "");
        export.add(exportButton);
        export.setId("audit-export");

        FlexLayout filters = new FlexLayout(actions, actor, targetType, targetId, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout buttons = new HorizontalLayout(export, verify);

        grid.addColumn(a -> TIME.format(a.getAt())).setHeader(getTranslation("audit.at")).setAutoWidth(true)
                .setFlexGrow(0);
        // auto widths follow the rows first shown; a longer one further down shows whole on hover
        grid.addColumn(a -> names.of(a.getActor(), this::getTranslation))
                .setTooltipGenerator(a -> names.of(a.getActor(), this::getTranslation))
                .setHeader(getTranslation("audit.actor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> texts.action(a.getAction())).setTooltipGenerator(a -> texts.action(a.getAction()))
                .setHeader(getTranslation("audit.action")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(texts::target).setTooltipGenerator(texts::target).setHeader(getTranslation("audit.target"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::summary).setTooltipGenerator(texts::summary).setHeader(getTranslation("audit.detail"))
                .setFlexGrow(1);
        grid.addColumn(AuditEntry::getClientIp).setHeader(getTranslation("audit.ip")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> details(e.getItem()).open());
        grid.setItems(q -> {
            PageRequest page = VaadinSpringDataHelpers.toSpringPageRequest(q);
            return audit.search(filter, PageRequest.of(page.getPageNumber(), page.getPageSize())).stream();
        });
        add(filters, buttons, grid);
        expand(grid);
    }

    private void filters(List<ActorNameSource> people) {
        actions.setLabel(getTranslation("audit.action"));
        Set<String> codes = new LinkedHashSet<>(AuditTexts.ACTIONS);
        codes.addAll(audit.actions());
        actions.setItems(codes);
        actions.setItemLabelGenerator(texts::action);
        actions.setWidth("22em");
        actions.setId("audit-actions");

        // users and channel systems by name and login; any other login (a name tried at a failed login) may be typed
        Map<String, String> logins = new TreeMap<>();
        people.forEach(p -> logins.putAll(p.actorNames()));
        logins.put(ActorNames.SYSTEM, getTranslation("actor.system"));
        logins.put(ActorNames.CITIZEN, getTranslation("actor.citizen"));
        actor.setLabel(getTranslation("audit.actor"));
        actor.setItems(new ArrayList<>(logins.keySet()));
        actor.setItemLabelGenerator(l -> logins.containsKey(l) && !logins.get(l).equals(l)
                ? getTranslation("audit.actor.option", logins.get(l), l) : l);
        actor.setAllowCustomValue(true);
        actor.addCustomValueSetListener(e -> actor.setValue(e.getDetail().strip()));
        actor.setClearButtonVisible(true);
        actor.setId("audit-actor");

        targetType.setLabel(getTranslation("audit.targetType"));
        targetType.setItems(AuditTexts.TYPES);
        targetType.setItemLabelGenerator(texts::targetType);
        targetType.setAllowCustomValue(true);
        targetType.addCustomValueSetListener(e -> targetType.setValue(e.getDetail().strip()));
        targetType.setClearButtonVisible(true);
        targetId.setLabel(getTranslation("audit.targetId"));
        targetId.setValueChangeMode(ValueChangeMode.LAZY);
        targetId.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));

        actions.addValueChangeListener(e -> refilter());
        actor.addValueChangeListener(e -> refilter());
        targetType.addValueChangeListener(e -> refilter());
        targetId.addValueChangeListener(e -> refilter());
        from.addValueChangeListener(e -> refilter());
        to.addValueChangeListener(e -> refilter());
    }

    private void refilter() {
        filter = new AuditFilter(actor.getValue(), actions.getValue(), targetType.getValue(), targetId.getValue(),
                from.getValue(), to.getValue());
        grid.getDataProvider().refreshAll();
    }

    /** The detail and the changes in words, cut to one cell. */
    String summary(AuditEntry e) {
        String s = texts.summary(e);
        return s.length() <= SUMMARY_MAX ? s : s.substring(0, SUMMARY_MAX - 1) + "…";
    }

    AuditEntryDialog details(AuditEntry e) {
        return new AuditEntryDialog(e, texts, names.of(e.getActor(), this::getTranslation));
    }

    /** The outcome in words: intact with the count, or every broken place. */
    void showVerification(AuditChain.Verification v) {
        if (v.intact()) {
            Toasts.success(getTranslation("audit.verify.intact", v.rowsChecked()));
        } else {
            String problems = String.join(getTranslation("audit.verify.separator"), v.problems());
            Toasts.error(getTranslation("audit.verify.broken", problems));
        }
    }

    /** Runs in the download request, outside the session lock: only the filter and the locale come from the UI. */
    private void download(DownloadEvent event) throws IOException {
        Locale locale = event.getUI() == null ? getLocale() : event.getUI().getLocale();
        try (AuditExcel excel = export(locale)) {
            event.setFileName(i18n.getTranslation("audit.export.fileName", locale,
                    LocalDateTime.now(clock).format(FILE_STAMP)));
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

    /** The filtered rows in a workbook in {@code locale}, ready to write; the caller closes it. */
    AuditExcel export(Locale locale) {
        AuditExcel excel = new AuditExcel(key -> i18n.getTranslation(key, locale),
                login -> names.of(login, key -> i18n.getTranslation(key, locale)));
        try {
            audit.export(filter, excel::add);
            return excel;
        } catch (RuntimeException e) {
            try {
                excel.close();
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit");
    }
}
