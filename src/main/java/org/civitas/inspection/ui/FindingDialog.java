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
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.classify.Place;
import org.civitas.classify.ui.ItemSuggestions;
import org.civitas.inspection.NewFinding;
import org.civitas.inspection.PlaceType;

/**
 * A finding: list item (with the classifier's suggestions for the note, when given), place type, district, street,
 * address, note, the phone's position, photos (the phone's camera), and whether to open a case. On a phone the dialog
 * fills the screen (theme: {@code field-dialog}).
 */
class FindingDialog extends Dialog {

    /** How sure the classifier must be of a district named in the address before it fills the empty field. */
    static final double PLACE_SURE = 0.6;

    final ComboBox<ItemView> item = new ComboBox<>();
    final ComboBox<PlaceType> placeType = new ComboBox<>();
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> street = new ComboBox<>();
    final TextField address = new TextField();
    final TextArea note = new TextArea();
    final Checkbox openCase = new Checkbox();
    final PhotoField photos = new PhotoField();
    final PositionField position = new PositionField();
    final Button save = new Button();
    private boolean prefilled;

    FindingDialog(List<ItemView> items, List<UnitView> districts, Function<String, List<UnitView>> streetsOf,
                  ItemSuggestions suggestions, BiConsumer<NewFinding, List<PhotoUpload>> onSave) {
        setHeaderTitle(getTranslation("inspection.finding.new"));
        addClassName("field-dialog");
        setWidth("48em"); // the suggestions wrap instead of widening the dialog; a phone's screen is narrower anyway
        item.setLabel(getTranslation("inspection.finding.item"));
        item.setId("finding-item");
        item.setItems(items);
        item.setItemLabelGenerator(i -> i.code() + " " + i.name());
        placeType.setLabel(getTranslation("inspection.finding.placeType"));
        placeType.setId("finding-place-type");
        placeType.setItems(PlaceType.values());
        placeType.setItemLabelGenerator(t -> getTranslation("inspection.placeType." + t.name()));
        district.setLabel(getTranslation("inspection.finding.district"));
        district.setId("finding-district");
        district.setItems(districts);
        district.setItemLabelGenerator(UnitView::name);
        street.setLabel(getTranslation("inspection.finding.street"));
        street.setItemLabelGenerator(UnitView::name);
        district.addValueChangeListener(e -> street.setItems(e.getValue() == null ? List.of()
                : streetsOf.apply(e.getValue().code())));
        address.setLabel(getTranslation("inspection.finding.address"));
        address.setId("finding-address");
        note.setLabel(getTranslation("inspection.finding.note"));
        note.setId("finding-note");
        openCase.setLabel(getTranslation("inspection.finding.openCase"));
        // on a phone the note comes first: what the inspector sees is what the classifier reads to suggest the item
        FormLayout form = new FormLayout(note, item);
        if (suggestions != null) {
            form.add(suggestions);
            form.setColspan(suggestions, 2);
            suggestions.follow(note, address);
            suggestions.addPickListener(e -> {
                items.stream().filter(i -> i.code().equals(e.suggestion().itemCode())).findFirst()
                        .ifPresent(item::setValue);
                fillPlace(e.place());
            });
            suggestions.addClassifiedListener(e -> fillPlace(e.place()));
        }
        form.add(placeType, district, street, address, position, photos, openCase);
        form.setColspan(position, 2);
        form.setColspan(photos, 2);
        add(form);
        save.setText(getTranslation("inspection.save"));
        save.setId("finding-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(new NewFinding(
                item.getValue() == null ? null : item.getValue().code(), placeType.getValue(),
                district.getValue() == null ? null : district.getValue().code(),
                street.getValue() == null ? null : street.getValue().code(), address.getValue(), note.getValue(),
                openCase.getValue(), position.latitude(), position.longitude(), position.accuracyMetres()),
                photos.photos()));
        getFooter().add(new Button(getTranslation("inspection.cancel"), e -> close()), save);
        address.setAutoselect(true);
        note.setAutoselect(true);
        UnsavedChanges.guard(this, this::dirty);
    }

    /** A district the classifier is sure of fills the empty district (and street); a choice made stands. */
    private void fillPlace(Place place) {
        if (!place.recognised() || place.confidence() < PLACE_SURE || !district.isEmpty()) {
            return;
        }
        district.getListDataView().getItems().filter(d -> d.code().equals(place.districtCode())).findFirst()
                .ifPresent(district::setValue);
        if (place.streetCode() != null && street.isEmpty()) {
            street.getListDataView().getItems().filter(s -> s.code().equals(place.streetCode())).findFirst()
                    .ifPresent(street::setValue);
        }
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

    /** Anything entered, a photo or a position included: the dialog opens empty (or as a checkpoint prefilled it, then clean). */
    boolean dirty() {
        if (prefilled) {
            return !note.getValue().isEmpty() || openCase.getValue() || !photos.photos().isEmpty()
                    || position.latitude() != null;
        }
        return item.getValue() != null || placeType.getValue() != null || district.getValue() != null
                || street.getValue() != null || !address.getValue().isEmpty() || !note.getValue().isEmpty()
                || openCase.getValue() || !photos.photos().isEmpty() || position.latitude() != null;
    }
}
