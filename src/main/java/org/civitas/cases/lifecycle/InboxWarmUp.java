package org.civitas.cases.lifecycle;

import java.math.BigDecimal;
import org.civitas.base.RuleViolation;
import org.civitas.base.WarmUpStep;
import org.civitas.cases.Channel;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.intake.CaseValidation;
import org.civitas.cases.intake.NewCase;
import org.civitas.catalog.CatalogService;
import org.springframework.stereotype.Component;

/** The inbox's first page and total, and the intake's validation of a report: a starting node's hottest paths. */
@Component
class InboxWarmUp implements WarmUpStep {

    private static final NewCase SAMPLE = new NewCase(Channel.HOTLINE_12345, null, null, "王五", "13912345678", false,
            "D05", "S0501", "东湖路 8 号", new BigDecimal("30.551234"), new BigDecimal("114.301234"), "湖面漂着油污和垃圾",
            null);

    private final CaseService cases;
    private final CatalogService catalog;

    InboxWarmUp(CaseService cases, CatalogService catalog) {
        this.cases = cases;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "inbox+intake";
    }

    @Override
    public void run() {
        cases.inbox(CaseFilter.any(), null, 50);
        cases.inboxTotal(CaseFilter.any());
        try {
            CaseValidation.check(SAMPLE.normalized(), catalog);
        } catch (RuleViolation ignored) {
            // a city whose district codes differ from the sample's: the rule still ran
        }
    }
}
