package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.BiConsumer;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.inspection.FindingRow;

/** A unit's answer to a notice: the findings to rectify, what was done, photos. */
class AnswerDialog extends Dialog {

    final TextArea text = new TextArea();
    final PhotoField photos = new PhotoField();
    final Button save = new Button();

    AnswerDialog(String number, List<FindingRow> findings, BiConsumer<String, List<PhotoUpload>> onSave) {
        setHeaderTitle(getTranslation("notice.answer.title", number));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        findings.forEach(f -> list.add(new com.vaadin.flow.component.html.Span(f.note() == null
                ? getTranslation("notice.answer.finding", f.itemCode(), f.itemName(), f.address())
                : getTranslation("notice.answer.findingNote", f.itemCode(), f.itemName(), f.address(), f.note()))));
        text.setLabel(getTranslation("notice.answer.text"));
        text.setWidthFull();
        add(list, text, photos);
        save.setText(getTranslation("notice.answer.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(text.getValue(), photos.photos()));
        getFooter().add(new Button(getTranslation("inspection.cancel"), ev -> close()), save);
    }
}
