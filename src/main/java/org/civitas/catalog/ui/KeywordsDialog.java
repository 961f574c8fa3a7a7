package org.civitas.catalog.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import org.civitas.catalog.ItemView;

/**
 * Edits an item's 别名/关键词, the words citizens use for it, which the classifier learns from (DD050). Raises a
 * {@link SaveEvent}; the view calls the service.
 */
class KeywordsDialog extends Dialog {

    final TextArea keywords = new TextArea();
    final Button save = new Button();

    KeywordsDialog(ItemView item, String current, boolean editable) {
        setHeaderTitle(getTranslation("item.keywords.edit") + " · " + item.code() + " " + item.name());
        setWidth("36rem");
        keywords.setLabel(getTranslation("item.keywords"));
        keywords.setHelperText(getTranslation("item.keywords.help"));
        keywords.setValue(current == null ? "" : current);
        keywords.setMaxLength(500);
        keywords.setWidthFull();
        keywords.setReadOnly(!editable);
        keywords.setId("item-keywords");
        add(keywords);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("item-keywords-save");
        save.setVisible(editable);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, item, keywords.getValue())));
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<KeywordsDialog> {

        private final ItemView item;
        private final String keywords;

        SaveEvent(KeywordsDialog source, ItemView item, String keywords) {
            super(source, false);
            this.item = item;
            this.keywords = keywords;
        }

        ItemView item() {
            return item;
        }

        String keywords() {
            return keywords;
        }
    }
}
