package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.civitas.base.ui.UnsavedChanges;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.cases.PhotoUpload;
import org.civitas.inspection.NewFinding;
import org.civitas.inspection.PlaceType;

/** A finding: list item, place type, district, street, address, note, photos, and whether to open a case. */
class FindingDialog extends Dialog {

    final ComboBox<ItemView> item = new ComboBox<>();
    final ComboBox<PlaceType> placeType = new ComboBox<>();
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> street = new ComboBox<>();
    final TextField address = new TextField();
    final TextArea note = new TextArea();
    final Checkbox openCase = new Checkbox();
    final PhotoField photos = new PhotoField();
    final Button save = new Button();
    private boolean prefilled;

    FindingDialog(List<ItemView> items, List<UnitView> districts, Function<String, List<UnitView>> streetsOf,
                  BiConsumer<NewFinding, List<PhotoUpload>> onSave) {
        setHeaderTitle(getTranslation("inspection.finding.new"));
        item.setLabel(getTranslation("inspection.finding.item"));
        item.setItems(items);
        item.setItemLabelGenerator(i -> i.code() + " " + i.name());
        placeType.setLabel(getTranslation("inspection.finding.placeType"));
        placeType.setItems(PlaceType.values());
        placeType.setItemLabelGenerator(t -> getTranslation("inspection.placeType." + t.name()));
        district.setLabel(getTranslation("inspection.finding.district"));
        district.setItems(districts);
        district.setItemLabelGenerator(UnitView::name);
        street.setLabel(getTranslation("inspection.finding.street"));
        street.setItemLabelGenerator(UnitView::name);
        district.addValueChangeListener(e -> street.setItems(e.getValue() == null ? List.of()
                : streetsOf.apply(e.getValue().code())));
        address.setLabel(getTranslation("inspection.finding.address"));
        note.setLabel(getTranslation("inspection.finding.note"));
        openCase.setLabel(getTranslation("inspection.finding.openCase"));
        add(new FormLayout(item, placeType, district, street, address, note, openCase, photos));
        save.setText(getTranslation("inspection.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(new NewFinding(
                item.getValue() == null ? null : item.getValue().code(), placeType.getValue(),
                district.getValue() == null ? null : district.getValue().code(),
                street.getValue() == null ? null : street.getValue().code(), address.getValue(), note.getValue(),
                openCase.getValue()), photos.photos()));
        getFooter().add(new Button(getTranslation("inspection.cancel"), e -> close()), save);
        address.setAutoselect(true);
        note.setAutoselect(true);
        UnsavedChanges.guard(this, this::dirty);
    }

    /** A checkpoint's item and place, for the visit that found the problem there; the rest is the inspector's. */
    void prefill(String itemCode, String districtCode, String streetCode, String place) {
        item.getListDataView().getItems().filter(i -> i.code().equals(itemCode)).findFirst()
                .ifPresent(item::setValue);
        district.getListDataView().getItems().filter(u -> u.code().equals(districtCode)).findFirst()
                .ifPresent(district::setValue);
        street.getListDataView().getItems().filter(u -> u.code().equals(streetCode)).findFirst()
                .ifPresent(street::setValue);
        address.setValue(place == null ? "" : place);
        placeType.setValue(PlaceType.BACK_STREET);
        prefilled = true;
    }

    /** Anything entered, a photo included: the dialog opens empty (or as a checkpoint prefilled it, then clean). */
    boolean dirty() {
        if (prefilled) {
            return !note.getValue().isEmpty() || openCase.getValue() || !photos.photos().isEmpty();
        }
        return item.getValue() != null || placeType.getValue() != null || district.getValue() != null
                || street.getValue() != null || !address.getValue().isEmpty() || !note.getValue().isEmpty()
                || openCase.getValue() || !photos.photos().isEmpty();
    }
}
