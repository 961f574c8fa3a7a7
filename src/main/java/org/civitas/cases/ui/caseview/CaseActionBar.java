package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.cases.CaseAction;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestState;
import org.civitas.cases.RequestView;

/**
 * One button per action the service allows this user on this case now, in the order of the lifecycle. Deciding a
 * request needs a pending request of its kind. A click only raises an {@link ActionEvent}; the view opens the dialog.
 */
class CaseActionBar extends HorizontalLayout {

    private static final Set<CaseAction> PRIMARY = Set.of(CaseAction.DISPATCH, CaseAction.SIGN, CaseAction.REPLY,
            CaseAction.ACCEPT_REPLY, CaseAction.RATE);
    private static final Set<CaseAction> DANGER = Set.of(CaseAction.INVALIDATE, CaseAction.SEND_BACK,
            CaseAction.REJECT_RETURN, CaseAction.REJECT_EXTENSION);

    final Map<CaseAction, Button> buttons = new EnumMap<>(CaseAction.class);

    CaseActionBar(Set<CaseAction> allowed, List<RequestView> requests) {
        setWrap(true);
        setId("case-actions");
        for (CaseAction action : CaseAction.values()) {
            if (!allowed.contains(action) || !CaseCommands.SUPPORTED.contains(action)
                    || !requestPending(action, requests)) {
                continue;
            }
            Button b = new Button(getTranslation(action.labelKey()), e -> fireEvent(new ActionEvent(this, action)));
            b.setId("case-action-" + action.name());
            if (PRIMARY.contains(action)) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else if (DANGER.contains(action)) {
                b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.put(action, b);
            add(b);
        }
    }

    private static boolean requestPending(CaseAction action, List<RequestView> requests) {
        RequestKind kind = switch (action) {
            case APPROVE_RETURN, REJECT_RETURN -> RequestKind.RETURN;
            case APPROVE_EXTENSION, REJECT_EXTENSION -> RequestKind.EXTENSION;
            default -> null;
        };
        return kind == null || requests.stream().anyMatch(r -> r.kind() == kind && r.state() == RequestState.PENDING);
    }

    Registration addActionListener(ComponentEventListener<ActionEvent> listener) {
        return addListener(ActionEvent.class, listener);
    }

    static class ActionEvent extends ComponentEvent<CaseActionBar> {
        private final CaseAction action;

        ActionEvent(CaseActionBar source, CaseAction action) {
            super(source, false);
            this.action = action;
        }

        CaseAction action() {
            return action;
        }
    }
}
