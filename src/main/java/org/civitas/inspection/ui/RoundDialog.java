package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import org.civitas.base.ui.DatePickers;
import org.civitas.base.ui.UnsavedChanges;
import org.civitas.catalog.UnitView;
import org.civitas.inspection.NewRound;
import org.civitas.inspection.PlaceType;

/** A new inspection round: dates, team, districts, place types and places visited. Raises the form on save. */
class RoundDialog extends Dialog {

    final TextField title = new TextField();
    final DatePicker startsOn = DatePickers.date();
    final DatePicker endsOn = DatePickers.date();
    final TextField team = new TextField();
    final MultiSelectComboBox<String> districts = new MultiSelectComboBox<>();
    final CheckboxGroup<PlaceType> placeTypes = new CheckboxGroup<>();
    final TextArea places = new TextArea();
    final Button save = new Button();
    private List<Object> clean;

    RoundDialog(List<UnitView> districtUnits, Consumer<NewRound> onSave) {
        setHeaderTitle(getTranslation("inspection.round.new"));
        title.setLabel(getTranslation("inspection.round.title"));
        startsOn.setLabel(getTranslation("inspection.round.startsOn"));
        endsOn.setLabel(getTranslation("inspection.round.endsOn"));
        team.setLabel(getTranslation("inspection.round.team"));
        districts.setLabel(getTranslation("inspection.round.districts"));
        districts.setItems(districtUnits.stream().map(UnitView::code).toList());
        districts.setItemLabelGenerator(c -> districtUnits.stream().filter(u -> u.code().equals(c))
                .map(UnitView::name).findFirst().orElse(c));
        placeTypes.setLabel(getTranslation("inspection.round.placeTypes"));
        placeTypes.setItems(PlaceType.values());
        placeTypes.setItemLabelGenerator(t -> getTranslation("inspection.placeType." + t.name()));
        places.setLabel(getTranslation("inspection.round.places"));
        add(new FormLayout(title, team, startsOn, endsOn, districts, placeTypes, places));
        save.setText(getTranslation("inspection.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(new NewRound(title.getValue(), startsOn.getValue(),
                endsOn.getValue(), team.getValue(), districts.getValue(), placeTypes.getValue(), places.getValue())));
        getFooter().add(new Button(getTranslation("inspection.cancel"), e -> close()), save);
        // typing into a pre-filled field replaces what is there instead of appending to it
        title.setAutoselect(true);
        team.setAutoselect(true);
        places.setAutoselect(true);
        startsOn.getElement().setProperty("autoselect", true);
        endsOn.getElement().setProperty("autoselect", true);
        UnsavedChanges.guard(this, this::dirty);
        markClean();
    }

    /** What the form holds now counts as saved-or-prefilled: only later changes make it dirty. */
    void markClean() {
        clean = snapshot();
    }

    boolean dirty() {
        return !snapshot().equals(clean);
    }

    private List<Object> snapshot() {
        return java.util.Arrays.asList(title.getValue(), startsOn.getValue(), endsOn.getValue(), team.getValue(),
                java.util.Set.copyOf(districts.getValue()), java.util.Set.copyOf(placeTypes.getValue()),
                places.getValue());
    }
}
