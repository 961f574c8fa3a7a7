package org.civitas.cases.ui.caseview;

import static org.civitas.cases.ui.caseview.CaseFormat.label;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDateTime;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;

/** The case's number, state, urgency, the time left before (or past) the deadline the unit is held to, reopens. */
class CaseHeader extends HorizontalLayout {

    final H2 number = new H2();
    final Span status = new Span();
    final Span urgency = new Span();
    final Span deadline = new Span();
    final Span reopened = new Span();

    CaseHeader(CaseDetails c, LocalDateTime now) {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        number.setText(c.number());
        number.setId("case-number");
        number.getStyle().set("margin", "0");
        status.setText(label(c.status()));
        status.setId("case-status");
        status.getElement().getThemeList().add(c.status().isFinal() ? "badge contrast" : "badge");
        add(number, status);
        if (c.urgency() != null) {
            urgency.setText(getTranslation("Urgency." + c.urgency()));
            urgency.getElement().getThemeList().add("EMERGENCY".equals(c.urgency()) ? "badge error" : "badge contrast");
            add(urgency);
        }
        boolean signing = c.status() == CaseStatus.DISPATCHED && c.signDueAt() != null;
        LocalDateTime due = !CaseStatus.AWAITING_UNIT.contains(c.status()) ? null
                : signing ? c.signDueAt() : c.handleDueAt();
        if (due != null) {
            // while the unit owes a signature it is held to the sign deadline, then to the handling deadline
            String key = signing ? "caseview.header.sign" : "caseview.header.handle";
            deadline.setText(getTranslation(key, CaseFormat.timeLeft(due, now)));
            deadline.setId("case-time-left");
            deadline.getElement().getThemeList().add(due.isBefore(now) ? "badge error primary" : "badge success");
            add(deadline);
        }
        if (c.reopenCount() > 0) {
            reopened.setText(getTranslation("caseview.header.reopened", c.reopenCount()));
            reopened.getElement().getThemeList().add("badge error");
            add(reopened);
        }
    }
}
