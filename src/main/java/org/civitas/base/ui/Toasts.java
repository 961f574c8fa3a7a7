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
        error(UI.getCurrent().getTranslation(violation.key(), violation.args()));
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
