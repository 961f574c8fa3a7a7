package org.civitas.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.civitas.audit.AuditChain;
import org.civitas.base.ActorNames;
import org.civitas.base.ui.DatePickers;
import org.civitas.base.ui.Toasts;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.civitas.audit.AuditEntry;
import org.civitas.audit.AuditFilter;
import org.civitas.audit.AuditService;
import org.civitas.security.AppRoles;
import org.springframework.data.domain.PageRequest;

/** The audit log, newest first, for the security auditor only (等保 separation of duties). */
@Route("audit")
@Menu(order = 99, title = "menu.audit", icon = "vaadin:file-text-o")
@RolesAllowed(AppRoles.AUDITOR)
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final DatePicker from = DatePickers.date();
    private final DatePicker to = DatePickers.date();

    final Button verify = new Button();

    public AuditLogView(AuditService audit, AuditChain chain, ActorNames names) {
        setSizeFull();
        verify.setText(getTranslation("audit.verify"));
        verify.setIcon(VaadinIcon.SHIELD.create());
        verify.setId("audit-verify");
        verify.addClickListener(e -> showVerification(chain.verify()));
        actor.setLabel(getTranslation("audit.actor"));
        action.setLabel(getTranslation("audit.action"));
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        for (TextField f : new TextField[] {actor, action}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, verify);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(a -> TIME.format(a.getAt())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(a -> names.of(a.getActor(), this::getTranslation)).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::getAction).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(a -> a.getTargetType() == null ? "" : a.getTargetType() + " " + a.getTargetId())
                .setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(AuditEntry::getDetail).setHeader(getTranslation("audit.detail"));
        grid.addColumn(AuditEntry::getClientIp).setHeader(getTranslation("audit.ip")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(
                a -> getTranslation("audit.before") + ": " + nullToDash(a.getBefore()) + "\n"
                        + getTranslation("audit.after") + ": " + nullToDash(a.getAfter())));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> {
            PageRequest page = VaadinSpringDataHelpers.toSpringPageRequest(q);
            return audit.search(new AuditFilter(actor.getValue(), action.getValue(), from.getValue(), to.getValue()),
                    PageRequest.of(page.getPageNumber(), page.getPageSize())).stream();
        });
        add(filters, grid);
        expand(grid);
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

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit");
    }
}
