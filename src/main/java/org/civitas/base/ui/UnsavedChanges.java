package org.civitas.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.function.BooleanSupplier;

/**
 * Esc or a click outside a form dialog asks before throwing away what was typed. A close-action listener keeps the
 * dialog from closing by itself (Esc and the outside click still reach the server and ask, rather than doing nothing
 * as with {@code setCloseOnEsc(false)}); an untouched form closes at once.
 */
public final class UnsavedChanges {

    private UnsavedChanges() {
    }

    public static void guard(Dialog dialog, BooleanSupplier dirty) {
        dialog.addDialogCloseActionListener(e -> {
            if (!dirty.getAsBoolean()) {
                dialog.close();
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(dialog.getTranslation("form.discard.title"));
            confirm.setText(dialog.getTranslation("form.discard.text"));
            confirm.setCancelable(true);
            confirm.setCancelText(dialog.getTranslation("form.discard.keep"));
            confirm.setConfirmText(dialog.getTranslation("form.discard.confirm"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> dialog.close());
            confirm.open();
        });
    }
}
