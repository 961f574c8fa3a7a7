package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.List;
import org.civitas.catalog.ItemView;
import org.civitas.classify.Place;
import org.civitas.classify.ui.ItemSuggestions;

/**
 * Puts the classifier's suggestions under the item field of the intake form (DD050): a pick sets the item, and a
 * district recognised in the address with {@link #PLACE_SURE} or more fills the empty district (and street) fields.
 * The operator's own choice always stands: nothing already filled is replaced.
 */
final class IntakeSuggestionsHook {

    static final double PLACE_SURE = 0.6;

    private IntakeSuggestionsHook() {
    }

    static void attach(IntakeForm form, ItemSuggestions suggestions, List<ItemView> items) {
        form.item.getParent().filter(FormLayout.class::isInstance).map(FormLayout.class::cast).ifPresent(layout -> {
            layout.addComponentAtIndex(layout.getElement().indexOfChild(form.item.getElement()) + 1, suggestions);
            layout.setColspan(suggestions, 4);
        });
        suggestions.follow(form.description, form.address);
        suggestions.addPickListener(e -> {
            items.stream().filter(i -> i.code().equals(e.suggestion().itemCode())).findFirst()
                    .ifPresent(form.item::setValue);
            fillPlace(form, e.place());
        });
        suggestions.addClassifiedListener(e -> fillPlace(form, e.place()));
    }

    private static void fillPlace(IntakeForm form, Place place) {
        if (!place.recognised() || place.confidence() < PLACE_SURE || !form.district.isEmpty()) {
            return;
        }
        form.district.getListDataView().getItems().filter(d -> d.code().equals(place.districtCode())).findFirst()
                .ifPresent(form.district::setValue);
        if (place.streetCode() != null && form.street.isEmpty()) {
            form.street.getListDataView().getItems().filter(s -> s.code().equals(place.streetCode())).findFirst()
                    .ifPresent(form.street::setValue);
        }
    }
}
