package org.civitas.base.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every UI starts in Chinese whatever the browser says; the language switch stores the choice in the session.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_KEY = "civitas.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(chosen(e.getUI().getSession())));
    }

    static Locale chosen(VaadinSession session) {
        Object value = session == null ? null : session.getAttribute(SESSION_KEY);
        return value instanceof Locale l ? l : TranslationProvider.CHINESE;
    }
}
