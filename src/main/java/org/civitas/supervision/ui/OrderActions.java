package org.civitas.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.civitas.base.ui.Toasts;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.supervision.OrderRow;
import org.civitas.supervision.OrderState;
import org.civitas.supervision.SupervisionService;

/**
 * The buttons on an order row: answer for the clerk of the order's unit, close for a supervisor. Hiding them is
 * only convenience: the service refuses anyone else.
 */
final class OrderActions {

    private final SupervisionService service;
    private final CurrentUser user;
    private final Component owner;
    private final Runnable afterChange;

    OrderActions(SupervisionService service, CurrentUser user, Component owner, Runnable afterChange) {
        this.service = service;
        this.user = user;
        this.owner = owner;
        this.afterChange = afterChange;
    }

    HorizontalLayout buttons(OrderRow r) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (canAnswer(r)) {
            Button answer = new Button(owner.getTranslation("supervision.doAnswer"), e -> answer(r));
            answer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            answer.addClassName("order-answer");
            buttons.add(answer);
        }
        if (user.hasRole(AppRoles.SUPERVISOR) && r.state() != OrderState.CLOSED) {
            Button close = new Button(owner.getTranslation("supervision.close"), e -> close(r));
            close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            close.addClassName("order-close");
            buttons.add(close);
        }
        return buttons;
    }

    boolean canAnswer(OrderRow r) {
        return r.state() == OrderState.OPEN && user.hasRole(AppRoles.UNIT_CLERK)
                && user.unitCode().map(r.unitCode()::equals).orElse(false);
    }

    TextDialog answer(OrderRow r) {
        TextDialog d = new TextDialog(owner.getTranslation("supervision.answerTitle", r.caseNumber()),
                owner.getTranslation("supervision.answer"), owner.getTranslation("supervision.doAnswer"),
                text -> done(Toasts.attempt(() -> service.answer(r.id(), text).id(),
                        owner.getTranslation("supervision.answered")).isPresent()));
        d.open();
        return d;
    }

    TextDialog close(OrderRow r) {
        TextDialog d = new TextDialog(owner.getTranslation("supervision.closeTitle", r.caseNumber()),
                owner.getTranslation("supervision.closeNote"), owner.getTranslation("supervision.close"),
                text -> done(Toasts.attempt(() -> service.close(r.id(), text).id(),
                        owner.getTranslation("supervision.closed")).isPresent()));
        d.open();
        return d;
    }

    private boolean done(boolean ok) {
        if (ok) {
            afterChange.run();
        }
        return ok;
    }
}
