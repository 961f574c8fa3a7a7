package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import org.civitas.catalog.ItemView;

/**
 * How the item picker shows and finds list items: by code, name, category and words of the description. Shared by the
 * operator's and the public report form.
 */
public final class IntakeItems {

    private IntakeItems() {
    }

    /** e.g. "SR-07 广告牌坠落隐患 · 应急 2 小时". */
    public static String label(Component c, ItemView item) {
        String limit = c.getTranslation("item.limit." + item.timeUnit().name(), item.timeLimit());
        return c.getTranslation("intake.item.label", item.code(), item.name(),
                c.getTranslation("intake.urgency." + item.urgency().name()), limit);
    }

    /**
     * Every word typed must occur somewhere in the item. Chinese has no spaces between words, so a word is matched
     * as a substring; the code also matches without its dash ("sr07").
     */
    public static boolean matches(ItemView item, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String haystack = String.join(" ", item.code(), item.code().replace("-", ""), item.name(),
                nullToEmpty(item.categoryName()), nullToEmpty(item.description())).toLowerCase(Locale.ROOT);
        for (String word : filter.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
