package org.civitas.catalog;

import java.util.Optional;
import org.civitas.base.RuleViolation;

/** The checks an item edit must pass before anything changes; each refusal names its translation key. */
final class ItemRules {

    private ItemRules() {
    }

    static void check(ItemForm form, java.util.function.Function<String, Optional<Unit>> units) {
        if (blank(form.name()) || form.name().trim().length() > 100) {
            throw new RuleViolation("item.error.name");
        }
        if (blank(form.description()) || form.description().trim().length() > 500) {
            throw new RuleViolation("item.error.description");
        }
        if (form.legalBasis() != null && form.legalBasis().trim().length() > 200) {
            throw new RuleViolation("item.error.legalBasis");
        }
        if (form.urgency() == null || form.timeUnit() == null || form.responsibility() == null) {
            throw new RuleViolation("item.error.incomplete");
        }
        if (form.timeLimit() == null || form.timeLimit() <= 0) {
            throw new RuleViolation("item.error.limit");
        }
        String lead = blank(form.leadUnitCode()) ? null : form.leadUnitCode().trim();
        if (!form.responsibility().needsLeadUnit()) {
            if (lead != null) {
                throw new RuleViolation("item.error.territorialHasLead");
            }
            return;
        }
        if (lead == null) {
            throw new RuleViolation("item.error.leadUnitRequired");
        }
        Unit unit = units.apply(lead).orElseThrow(() -> new RuleViolation("item.error.leadUnitUnknown", lead));
        if (!unit.getKind().canLeadItems()) {
            throw new RuleViolation("item.error.leadUnitKind", unit.getName());
        }
        if (!unit.isActive()) {
            throw new RuleViolation("item.error.leadUnitInactive", unit.getName());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
