package org.civitas.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civitas.base.ActorNames;
import org.civitas.base.ui.CountingBasis;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.PeerGroup;
import org.civitas.scoring.BulletinExporter;
import org.civitas.scoring.MonthlyScores;
import org.civitas.scoring.ScoringService;
import org.civitas.scoring.UnitScore;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;

/**
 * 考核排名: a month's scores, a grid per peer group, red and black lists; a click on a unit opens its deductions
 * with links to their cases. A supervisor publishes the month's bulletin. Opens on a month: {@code rankings?month=2031-03}.
 */
@Route("rankings")
@Menu(order = 30, title = "menu.rankings", icon = "vaadin:trophy")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.LEADER})
public class RankingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ScoringService service;
    private final BulletinExporter exporter;
    private final Clock clock;
    private final ActorNames names;
    private final boolean supervisor;
    ComboBox<YearMonth> month;
    final Button publish = new Button();
    ConfirmDialog publishConfirm;
    final Span status = new Span();
    final Map<PeerGroup, ScoreGrid> grids = new EnumMap<>(PeerGroup.class);
    final VerticalLayout body = new VerticalLayout();
    DeductionsDialog dialog;
    MonthlyScores scores;

    final Anchor pdf = new Anchor();
    final Anchor excel = new Anchor();

    public RankingsView(ScoringService service, BulletinExporter exporter, CurrentUser user, Clock clock,
                        ActorNames names) {
        this.service = service;
        this.names = names;
        this.exporter = exporter;
        this.clock = clock;
        this.supervisor = user.hasRole(AppRoles.SUPERVISOR);
        setSizeFull();
        pdf.setId("rankings-pdf");
        excel.setId("rankings-excel");
        publish.setText(getTranslation("rankings.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> confirmPublish());
        body.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        YearMonth asked = Months.parse(event.getLocation().getQueryParameters().getSingleParameter("month").orElse(null));
        month = Months.picker(getTranslation("rankings.month"), YearMonth.now(clock), asked);
        month.addValueChangeListener(e -> show());
        removeAll();
        HorizontalLayout bar = new HorizontalLayout(month, status, publish, pdf, excel);
        bar.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("rankings.title")), bar, body);
        show();
    }

    void show() {
        body.removeAll();
        grids.clear();
        if (month.getValue() == null) {
            return;
        }
        scores = service.month(month.getValue());
        status.setText(scores.published()
                ? getTranslation("rankings.publishedAt", scores.publishedAt().toLocalDate(),
                        names.of(scores.publishedBy(), this::getTranslation))
                : getTranslation("rankings.live"));
        publish.setVisible(supervisor && !scores.published());
        YearMonth m = scores.month();
        pdf.setText(getTranslation("rankings.pdf"));
        // the file a leader saves is named in their language, like the inbox's and the analysis' downloads
        String file = getTranslation("rankings.fileName", m);
        pdf.setHref(new StreamResource(file + ".pdf", () -> new ByteArrayInputStream(exporter.pdf(m))));
        pdf.getElement().setAttribute("download", true);
        excel.setText(getTranslation("rankings.excel"));
        excel.setHref(new StreamResource(file + ".xlsx",
                () -> new ByteArrayInputStream(exporter.excel(m))));
        excel.getElement().setAttribute("download", true);
        body.add(new CountingBasis("rankings-basis", "rankings.basis"));
        body.add(new Span(getTranslation("rankings.rules", scores.rules().minCases())));
        body.add(new H3(getTranslation("rankings.red")), new Span(names(scores.red())));
        body.add(new H3(getTranslation("rankings.black")), new Span(names(scores.black())));
        for (PeerGroup g : PeerGroup.values()) {
            ScoreGrid grid = new ScoreGrid(scores.group(g), this::getTranslation, true);
            grid.addItemClickListener(e -> openDeductions(e.getItem()));
            grids.put(g, grid);
            body.add(new H3(getTranslation("rankings.group." + g.name())), grid);
        }
    }

    void openDeductions(UnitScore unit) {
        dialog = new DeductionsDialog(unit, service.deductions(scores.month(), unit.unitCode()));
        dialog.open();
    }

    /** Publishing freezes the month's figures for good and makes them public: it says so first. */
    private void confirmPublish() {
        YearMonth m = month.getValue();
        long units = scores.units().size();
        publishConfirm = new ConfirmDialog(getTranslation("rankings.publish.confirm.title", m),
                getTranslation("rankings.publish.confirm.text", m, units, scores.red().size(), scores.black().size()),
                getTranslation("rankings.publish"), e -> publish(), getTranslation("action.cancel"), e -> { });
        publishConfirm.setId("rankings-publish-confirm");
        publishConfirm.open();
    }

    private void publish() {
        try {
            service.publish(month.getValue());
            Notification.show(getTranslation("rankings.publishedNow", month.getValue()));
        } catch (RuleViolation e) {
            Notification.show(getTranslation(e.key(), e.args()));
        }
        show();
    }

    private String names(List<UnitScore> units) {
        return units.isEmpty() ? getTranslation("rankings.none")
                : units.stream().map(u -> u.unitName() + " " + u.score())
                        .collect(Collectors.joining(getTranslation("rankings.separator")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.rankings");
    }
}
