package org.civitas.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Predicate;

/**
 * A dialog asking for one text (the unit's answer, a closing note). {@code onSave} returns whether it worked; the
 * dialog stays open with the text when it did not, so nothing typed is lost.
 */
class TextDialog extends Dialog {

    final TextArea text = new TextArea();
    final Button save;

    TextDialog(String title, String label, String saveLabel, Predicate<String> onSave) {
        setHeaderTitle(title);
        text.setLabel(label);
        text.setWidth("32rem");
        text.setMinHeight("8rem");
        text.setMaxLength(1000);
        add(text);
        save = new Button(saveLabel, e -> {
            if (onSave.test(text.getValue())) {
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("text-dialog-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
