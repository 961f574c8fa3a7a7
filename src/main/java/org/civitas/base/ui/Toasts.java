package org.civitas.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

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

    /**
     * Runs a user's action: on success a short confirmation and the result; on a refused rule or a concurrent
     * change the translated reason and {@code Optional.empty()}, with nothing changed.
     */
    public static <T> Optional<T> attempt(Supplier<T> action, String successMessage) {
        try {
            T result = action.get();
            success(successMessage);
            return Optional.ofNullable(result);
        } catch (RuleViolation v) {
            refused(v);
        } catch (ObjectOptimisticLockingFailureException stale) {
            refused(new RuleViolation("error.concurrentChange"));
        }
        return Optional.empty();
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
