package org.civitas.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.civitas.base.RuleViolation;

/** Short messages after an action: success quietly at the bottom, refusals in red with the translated reason. */
public final class Toasts {

    private Toasts() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void refused(RuleViolation violation) {
        error(message(violation));
    }

    /** The violation in the user's language, with key arguments translated too. */
    public static String message(RuleViolation violation) {
        UI ui = UI.getCurrent();
        Object[] args = violation.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof RuleViolation.Key k) {
                args[i] = ui.getTranslation(k.key());
            }
        }
        return ui.getTranslation(violation.key(), args);
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
