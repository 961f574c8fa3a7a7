package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.civitas.inspection.FindingRow;
import org.civitas.inspection.FindingState;

/** 回访检查: one "passed" box per open finding of the notice (unticked = failed), and a note. */
class ReinspectDialog extends Dialog {

    final Map<Long, Checkbox> passed = new LinkedHashMap<>();
    final TextArea note = new TextArea();
    final Button save = new Button();

    ReinspectDialog(List<FindingRow> findings, BiConsumer<Map<Long, Boolean>, String> onSave) {
        setHeaderTitle(getTranslation("inspection.reinspect.title"));
        VerticalLayout boxes = new VerticalLayout();
        for (FindingRow f : findings) {
            if (f.state() != FindingState.PASSED) {
                Checkbox c = new Checkbox(getTranslation("inspection.reinspect.passed", f.itemCode() + " "
                        + f.itemName(), f.address()));
                passed.put(f.id(), c);
                boxes.add(c);
            }
        }
        note.setLabel(getTranslation("inspection.reinspect.note"));
        add(boxes, note);
        save.setText(getTranslation("inspection.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<Long, Boolean> result = new LinkedHashMap<>();
            passed.forEach((id, c) -> result.put(id, c.getValue()));
            onSave.accept(result, note.getValue());
        });
        getFooter().add(new Button(getTranslation("inspection.cancel"), ev -> close()), save);
    }
}
