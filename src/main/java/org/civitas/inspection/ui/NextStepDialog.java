package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.civitas.base.ui.DatePickers;

/**
 * 回访未通过 — what next: a deadline of the inspector's choosing, the notice issued again with the standard deadline,
 * or the problem handed to the city office's supervision (督办) with a reason. Raises the choice; the view saves it.
 */
class NextStepDialog extends Dialog {

    final DateTimePicker deadline = DatePickers.dateTime();
    final TextArea note = new TextArea();
    final Button setDeadline = new Button();
    final Button reissue = new Button();
    final Button supervise = new Button();

    NextStepDialog(String number, LocalDateTime suggested, BiConsumer<LocalDateTime, String> onDeadline,
                   Consumer<String> onReissue, Consumer<String> onSupervise) {
        setHeaderTitle(getTranslation("notice.next.title", number));
        deadline.setLabel(getTranslation("notice.next.deadline"));
        deadline.setValue(suggested);
        note.setLabel(getTranslation("notice.next.note"));
        note.setWidthFull();
        setDeadline.setText(getTranslation("notice.next.setDeadline"));
        setDeadline.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        setDeadline.addClickListener(e -> onDeadline.accept(deadline.getValue(), note.getValue()));
        reissue.setText(getTranslation("notice.next.reissue"));
        reissue.addClickListener(e -> onReissue.accept(note.getValue()));
        supervise.setText(getTranslation("notice.next.supervise"));
        supervise.addThemeVariants(ButtonVariant.LUMO_ERROR);
        supervise.addClickListener(e -> onSupervise.accept(note.getValue()));
        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("notice.next.text")), deadline, note);
        body.setPadding(false);
        add(body);
        getFooter().add(new Button(getTranslation("notice.next.later"), e -> close()), supervise, reissue,
                setDeadline);
    }
}
