package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;

/** Asks a supervisor why they need the complainant's name and phone; the reason goes to the audit log. */
class CaseRevealDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    CaseRevealDialog() {
        setHeaderTitle(getTranslation("caseview.reveal"));
        reason.setLabel(getTranslation("caseview.reveal.reason"));
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidth("24em");
        add(new Paragraph(getTranslation("caseview.reveal.notice")), reason);
        confirm.setText(getTranslation("caseview.reveal"));
        confirm.setId("case-reveal-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("case.error.reasonRequired"));
                return;
            }
            fireEvent(new ConfirmEvent(this, reason.getValue().trim()));
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }

    Registration addConfirmListener(ComponentEventListener<ConfirmEvent> listener) {
        return addListener(ConfirmEvent.class, listener);
    }

    static class ConfirmEvent extends ComponentEvent<CaseRevealDialog> {
        private final String reason;

        ConfirmEvent(CaseRevealDialog source, String reason) {
            super(source, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
