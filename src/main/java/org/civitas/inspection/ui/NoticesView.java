package org.civitas.inspection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.ui.Toasts;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitFilter;
import org.civitas.inspection.NoticeService;
import org.civitas.inspection.NoticeRow;
import org.civitas.inspection.NoticeState;
import org.civitas.base.identity.AppRoles;
import org.springframework.data.domain.PageRequest;

/**
 * 整改通知单: a clerk's notices (their unit's only, by the service's query) with the answer dialog. An inspector's
 * home page links here with {@code due=week}, {@code due=overdue} or {@code due=answered}: the open notices of their
 * own rounds due this week, overdue, or waiting for the re-inspection.
 */
@Route("notices")
@Menu(order = 41, title = "menu.notices", icon = "vaadin:clipboard-check")
@RolesAllowed({AppRoles.UNIT_CLERK, AppRoles.SUPERVISOR, AppRoles.INSPECTOR, AppRoles.LEADER})
public class NoticesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final NoticeService notices;
    private final Clock clock;
    final Grid<NoticeRow> grid = new Grid<>();
    final Button answer = new Button();
    AnswerDialog dialog;
    /** Read by the download request, which runs outside the UI's session lock. */
    private volatile NoticeRow selected;
    private final boolean inspector;
    private String due;

    public NoticesView(NoticeService notices, CatalogService catalog, AuthenticationContext auth,
                       Clock clock) {
        this.notices = notices;
        this.clock = clock;
        this.inspector = auth.hasRole(AppRoles.INSPECTOR);
        Map<String, String> unitNames = new HashMap<>();
        catalog.units(UnitFilter.all(), PageRequest.of(0, 2000)).forEach(u -> unitNames.put(u.code(), u.name()));
        setWidthFull();
        columns(grid, this, unitNames);
        grid.addColumn(n -> n.overdue(LocalDateTime.now(clock)) ? getTranslation("notice.overdue") : "")
                .setHeader(getTranslation("notice.overdueColumn")).setAutoWidth(true);
        answer.setText(getTranslation("notice.answer"));
        answer.setId("notice-answer");
        answer.setVisible(auth.hasRole(AppRoles.UNIT_CLERK));
        answer.setEnabled(false);
        grid.addSelectionListener(e -> answer.setEnabled(e.getFirstSelectedItem()
                .filter(n -> n.state() == NoticeState.ISSUED || n.state() == NoticeState.FAILED).isPresent()));
        answer.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(this::openAnswer));
        var pdf = Downloads.anchor(getTranslation("notice.download.pdf"), () -> selected.number() + ".pdf",
                Downloads.PDF, () -> notices.noticePdf(selected.id()));
        pdf.setEnabled(false);
        grid.addSelectionListener(e -> {
            selected = e.getFirstSelectedItem().orElse(null);
            pdf.setEnabled(selected != null);
        });
        add(new HorizontalLayout(new H2(getTranslation("notice.title")), answer, pdf), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault("due", List.of());
        due = inspector && !values.isEmpty() ? values.get(0) : null;
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.notices");
    }

    void refresh() {
        grid.setItems(due == null ? notices.notices() : notices.myNotices(due));
    }

    private void openAnswer(NoticeRow n) {
        dialog = new AnswerDialog(n.number(), notices.findingsOfNotice(n.id()), (text, photos) ->
                Toasts.attempt(() -> notices.answer(n.id(), n.version(), text, photos),
                        getTranslation("notice.answer.saved")).ifPresent(x -> {
                            dialog.close();
                            refresh();
                        }));
        dialog.open();
    }

    /** The notice columns shared with the round detail. */
    static void columns(Grid<NoticeRow> g, Component c, Map<String, String> unitNames) {
        g.addColumn(NoticeRow::number).setHeader(c.getTranslation("notice.number")).setAutoWidth(true);
        g.addColumn(NoticeRow::roundNumber).setHeader(c.getTranslation("notice.round")).setAutoWidth(true);
        g.addColumn(n -> unitNames.getOrDefault(n.unitCode(), n.unitCode())).setHeader(c.getTranslation("notice.unit"))
                .setFlexGrow(1);
        g.addColumn(n -> c.getTranslation("notice.state." + n.state().name())).setHeader(c.getTranslation("notice.state"))
                .setAutoWidth(true);
        g.addColumn(n -> InspectionsView.DUE.format(n.currentDueAt())).setHeader(c.getTranslation("notice.due"))
                .setAutoWidth(true);
        g.addColumn(n -> n.answerText() == null ? "" : n.answerText()).setHeader(c.getTranslation("notice.answerText"))
                .setFlexGrow(1);
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.setEmptyStateText(c.getTranslation("notice.empty"));
    }
}
