package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import org.civitas.cases.CaseDetails;

/**
 * What the operator reads back to the caller: the case number and its tracking code (the caller's key to the public
 * tracking page, shown only here), who handles it and by when. Enter or Escape closes it, ready for the next call.
 */
class IntakeResultDialog extends Dialog {

    static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final Span number = new Span();
    final Span code = new Span();
    final Span unit = new Span();
    final Span deadline = new Span();

    /** {@code leadUnitName} null: the case waits in the classification queue. */
    IntakeResultDialog(CaseDetails c, String leadUnitName) {
        this(c, leadUnitName, null);
    }

    /** {@code masterNumber} not null: the call was registered straight into that case (merged, not dispatched). */
    IntakeResultDialog(CaseDetails c, String leadUnitName, String masterNumber) {
        setId("intake-result");
        setHeaderTitle(getTranslation("intake.result.title"));
        number.setText(c.number());
        number.setId("intake-result-number");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600")
                .set("letter-spacing", "0.05em");
        code.setText(c.trackingCode() == null ? "" : c.trackingCode());
        code.setId("intake-result-code");
        code.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600")
                .set("letter-spacing", "0.1em");
        boolean queued = leadUnitName == null;
        unit.setText(queued ? getTranslation("intake.result.pending") : leadUnitName);
        unit.setId("intake-result-unit");
        deadline.setText(queued || c.handleDueAt() == null ? getTranslation("intake.result.pending")
                : c.handleDueAt().format(DEADLINE));
        deadline.setId("intake-result-deadline");
        add(line("intake.result.number", number));
        if (c.trackingCode() != null) {
            add(line("intake.result.code", code), new Div(getTranslation("intake.result.codeHint")));
        }
        if (masterNumber != null) {
            Span master = new Span(masterNumber);
            master.setId("intake-result-master");
            add(line("intake.result.merged", master),
                    new Div(getTranslation("intake.result.mergedHint", masterNumber)));
        } else {
            add(line("intake.result.unit", unit), line("intake.result.deadline", deadline));
        }
        if (queued && masterNumber == null) {
            add(new Div(getTranslation("intake.result.queue")));
        }
        // the next call is the usual next step (Enter); the case itself is one click away
        Button view = new Button(getTranslation("intake.result.view"), e -> getUI().ifPresent(ui -> {
            close();
            ui.navigate("cases/" + c.id());
        }));
        view.setId("intake-result-view");
        Button ok = new Button(getTranslation("intake.result.next"), e -> close());
        ok.setId("intake-result-close");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setAutofocus(true);
        getFooter().add(view, ok);
    }

    private Div line(String labelKey, Span value) {
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "6em")
                .set("display", "inline-block");
        Div line = new Div(label, value);
        line.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return line;
    }
}
