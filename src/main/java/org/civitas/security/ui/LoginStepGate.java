package org.civitas.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.civitas.security.LoginSteps;
import org.springframework.stereotype.Component;

/**
 * While a login step is open (expired or initial password, TOTP enrolment or code) every navigation goes to that
 * step's page. The services refuse on their own (no role yet); this only spares the user the refusals.
 */
@Component
class LoginStepGate implements VaadinServiceInitListener {

    private final LoginSteps steps;

    LoginStepGate(LoginSteps steps) {
        this.steps = steps;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        steps.pending().ifPresent(step -> {
            if (!step.route().equals(event.getLocation().getPath())) {
                event.forwardTo(step.route(), QueryParameters.empty()); // forward: the address bar shows the step page
            }
        });
    }
}
