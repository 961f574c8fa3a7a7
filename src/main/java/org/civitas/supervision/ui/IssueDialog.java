package org.civitas.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import org.civitas.base.ui.DatePickers;
import org.civitas.supervision.SupervisionLevel;

/** A supervisor's new order on a case: level, reason, when the answer is due. The service checks the values. */
class IssueDialog extends Dialog {

    /** What the supervisor filled in. */
    record Form(SupervisionLevel level, String reason, LocalDateTime dueAt) {
    }

    interface Handler {
        boolean issue(Form form);
    }

    final Select<SupervisionLevel> level = new Select<>();
    final TextArea reason = new TextArea();
    final DateTimePicker dueAt = DatePickers.dateTime();
    final Button save;

    IssueDialog(String caseNumber, Handler handler) {
        setHeaderTitle(getTranslation("supervision.issue") + " · " + caseNumber);
        level.setLabel(getTranslation("supervision.level"));
        level.setItems(SupervisionLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.labelKey()));
        level.setValue(SupervisionLevel.SUPERVISION);
        reason.setLabel(getTranslation("supervision.reason"));
        reason.setMaxLength(1000);
        reason.setMinHeight("6rem");
        dueAt.setLabel(getTranslation("supervision.dueAt"));
        FormLayout form = new FormLayout(level, dueAt, reason);
        form.setColspan(reason, 2);
        add(form);
        save = new Button(getTranslation("supervision.issue"), e -> {
            if (handler.issue(new Form(level.getValue(), reason.getValue(), dueAt.getValue()))) {
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("issue-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
