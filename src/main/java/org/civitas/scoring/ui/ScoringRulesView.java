package org.civitas.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.scoring.ScoringRuleService;
import org.civitas.scoring.ScoringRules;
import org.civitas.base.identity.AppRoles;

/**
 * 评分规则: the versions of the scoring rules and a form for the version that applies from a chosen month on
 * (picking a version in the grid loads it into the form; saving a month that has a version replaces it).
 */
@Route("scoring/rules")
@Menu(order = 95, title = "menu.scoringRules", icon = "vaadin:scale")
@RolesAllowed(AppRoles.SUPERVISOR)
public class ScoringRulesView extends VerticalLayout implements HasDynamicTitle {

    private final ScoringRuleService service;
    final Grid<ScoringRules> grid = new Grid<>();
    final ComboBox<YearMonth> from = new ComboBox<>();
    final IntegerField weightSign = integer("scoring.weightSign");
    final IntegerField weightOnTime = integer("scoring.weightOnTime");
    final IntegerField weightSatisfaction = integer("scoring.weightSatisfaction");
    final IntegerField weightSolved = integer("scoring.weightSolved");
    final BigDecimalField perOrder = decimal("scoring.kind.SUPERVISION_ORDER");
    final BigDecimalField perReopen = decimal("scoring.kind.REOPEN");
    final BigDecimalField perEmergency = decimal("scoring.kind.OVERDUE_EMERGENCY");
    final BigDecimalField perRectification = decimal("scoring.kind.RECTIFICATION_NOT_MET");
    final BigDecimalField perReturn = decimal("scoring.kind.RETURN_REJECTED");
    final IntegerField minCases = integer("scoring.minCases");
    final IntegerField goodBand = integer("scoring.goodBand");
    final IntegerField failingBand = integer("scoring.failingBand");
    final Button save = new Button();

    public ScoringRulesView(ScoringRuleService service, Clock clock) {
        this.service = service;
        YearMonth now = YearMonth.now(clock);
        List<YearMonth> months = new ArrayList<>();
        for (int i = -12; i <= 12; i++) {
            months.add(now.plusMonths(i));
        }
        from.setLabel(getTranslation("scoring.from"));
        from.setItems(months);
        from.setItemLabelGenerator(YearMonth::toString);
        from.setValue(now.plusMonths(1));
        grid.addColumn(r -> r.from().toString()).setHeader(getTranslation("scoring.from")).setAutoWidth(true);
        grid.addColumn(r -> r.weightSign() + " / " + r.weightOnTime() + " / " + r.weightSatisfaction() + " / "
                + r.weightSolved()).setHeader(getTranslation("scoring.weights")).setAutoWidth(true);
        grid.addColumn(r -> r.perSupervisionOrder() + " / " + r.perReopen() + " / " + r.perOverdueEmergency() + " / "
                + r.perRectificationNotMet() + " / " + r.perReturnRejected())
                .setHeader(getTranslation("scoring.deductions")).setAutoWidth(true);
        grid.addColumn(ScoringRules::minCases).setHeader(getTranslation("scoring.minCases")).setAutoWidth(true);
        grid.addColumn(r -> r.goodBand() + "% / " + r.failingBand() + "%").setHeader(getTranslation("scoring.bands"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });
        save.setText(getTranslation("scoring.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        FormLayout form = new FormLayout(from, weightSign, weightOnTime, weightSatisfaction, weightSolved, perOrder,
                perReopen, perEmergency, perRectification, perReturn, minCases, goodBand, failingBand);
        add(new H2(getTranslation("menu.scoringRules")), grid, new H3(getTranslation("scoring.newVersion")), form,
                save);
        List<ScoringRules> versions = service.versions();
        grid.setItems(versions);
        if (!versions.isEmpty()) {
            load(versions.get(0));
            from.setValue(now.plusMonths(1));
        }
    }

    private void load(ScoringRules r) {
        if (!from.getListDataView().contains(r.from())) {
            from.getListDataView().addItem(r.from());
        }
        from.setValue(r.from());
        weightSign.setValue(r.weightSign());
        weightOnTime.setValue(r.weightOnTime());
        weightSatisfaction.setValue(r.weightSatisfaction());
        weightSolved.setValue(r.weightSolved());
        perOrder.setValue(r.perSupervisionOrder());
        perReopen.setValue(r.perReopen());
        perEmergency.setValue(r.perOverdueEmergency());
        perRectification.setValue(r.perRectificationNotMet());
        perReturn.setValue(r.perReturnRejected());
        minCases.setValue(r.minCases());
        goodBand.setValue(r.goodBand());
        failingBand.setValue(r.failingBand());
    }

    void save() {
        try {
            service.save(new ScoringRules(from.getValue(), n(weightSign), n(weightOnTime), n(weightSatisfaction),
                    n(weightSolved), perOrder.getValue(), perReopen.getValue(), perEmergency.getValue(),
                    perRectification.getValue(), perReturn.getValue(), n(minCases), n(goodBand), n(failingBand)));
            Notification.show(getTranslation("scoring.saved", from.getValue()));
            grid.setItems(service.versions());
        } catch (RuleViolation e) {
            Notification.show(getTranslation(e.key(), e.args()));
        }
    }

    private static int n(IntegerField f) {
        return f.getValue() == null ? -1 : f.getValue();
    }

    private IntegerField integer(String key) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setMin(0);
        return f;
    }

    private BigDecimalField decimal(String key) {
        return new BigDecimalField(getTranslation(key));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.scoringRules");
    }
}
