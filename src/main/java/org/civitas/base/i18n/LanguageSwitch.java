package org.civitas.base.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/** 中文 ⇄ English: the label names the other language, as users expect. */
public class LanguageSwitch extends Button {

    public LanguageSwitch() {
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        setId("language-switch");
        addAttachListener(e -> setText(getTranslation("language.other")));
        addClickListener(e -> {
            Locale next = TranslationProvider.ENGLISH.equals(UI.getCurrent().getLocale())
                    ? TranslationProvider.CHINESE : TranslationProvider.ENGLISH;
            VaadinSession.getCurrent().setAttribute(LocaleInitializer.SESSION_KEY, next);
            UI.getCurrent().setLocale(next);
            UI.getCurrent().getPage().reload();
        });
    }
}
