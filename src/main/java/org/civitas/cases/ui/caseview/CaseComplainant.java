package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.Complainant;

/**
 * The complainant as the service hands it out: in full for the intake operator, the phone masked and no name for
 * everyone else (投诉举报人信息保密). A supervisor gets a button to reveal it; the view asks for the reason.
 */
class CaseComplainant extends CaseSection {

    final Span name;
    final Span phone;
    final Button reveal = new Button();

    CaseComplainant(CaseDetails c, boolean mayReveal) {
        super("caseview.section.complainant");
        name = field("caseview.complainantName", nameOf(c.anonymous(), c.complainantName(), c.complainantMasked()),
                "case-complainant-name");
        phone = field("caseview.complainantPhone", c.complainantPhone(), "case-complainant-phone");
        if (mayReveal && c.complainantMasked() && !c.anonymous()) {
            reveal.setText(getTranslation("caseview.reveal"));
            reveal.setIcon(VaadinIcon.EYE.create());
            reveal.setId("case-reveal");
            reveal.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            reveal.addClickListener(e -> fireEvent(new RevealRequestedEvent(this)));
            add(reveal);
        }
    }

    /** Shows what the supervisor revealed; the service has already written the reveal to the audit log. */
    void show(Complainant revealed) {
        name.setText(nameOf(revealed.anonymous(), revealed.name(), false));
        phone.setText(CaseFormat.text(revealed.phone()));
        reveal.setVisible(false);
        add(new Span(getTranslation("caseview.revealed")));
    }

    private String nameOf(boolean anonymous, String name, boolean masked) {
        if (anonymous) {
            return getTranslation("caseview.anonymous");
        }
        if (masked) {
            return getTranslation("caseview.hidden");
        }
        return CaseFormat.text(name);
    }

    Registration addRevealRequestedListener(ComponentEventListener<RevealRequestedEvent> listener) {
        return addListener(RevealRequestedEvent.class, listener);
    }

    static class RevealRequestedEvent extends ComponentEvent<CaseComplainant> {
        RevealRequestedEvent(CaseComplainant source) {
            super(source, false);
        }
    }
}
