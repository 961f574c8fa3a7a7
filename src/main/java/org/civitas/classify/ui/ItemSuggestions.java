package org.civitas.classify.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.Urgency;
import org.civitas.classify.Classification;
import org.civitas.classify.ClassifierService;
import org.civitas.classify.Place;
import org.civitas.classify.Suggestion;

/**
 * The classifier's three best items for what the operator is typing (DD050): each with its score and the words that
 * decided, picked with a click or Alt+1…3; an emergency-looking text is flagged. Follows a description and an address
 * field without changing how they report their values: it listens to the browser's input events, debounced.
 */
public class ItemSuggestions extends HorizontalLayout {

    /** How long the typing must pause before the text is classified. */
    static final int DEBOUNCE_MS = 400;
    private static final Key[] KEYS = {Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3};

    private final ClassifierService classifier;
    private final Span title = new Span();
    final Span emergency = new Span();
    private String text = "";
    private String address = "";
    private Classification last;

    public ItemSuggestions(ClassifierService classifier) {
        this.classifier = classifier;
        setId("intake-suggestions");
        setWrap(true);
        setSpacing(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        title.setText(getTranslation("classify.suggestions"));
        title.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        emergency.setText(getTranslation("classify.emergency"));
        emergency.getElement().getThemeList().add("badge error");
        emergency.setId("intake-suggestions-emergency");
        setVisible(false);
    }

    /** Classifies as the description is typed and when the address changes. */
    public void follow(TextArea description, TextField address) {
        description.getElement().addEventListener("input", e -> update(e.getEventData().getString("element.value"),
                this.address)).addEventData("element.value").debounce(DEBOUNCE_MS);
        description.addValueChangeListener(e -> update(e.getValue(), this.address));
        address.addValueChangeListener(e -> update(text, e.getValue()));
    }

    /** The latest classification shown, or null. */
    public Classification classification() {
        return last;
    }

    void update(String newText, String newAddress) {
        String strippedText = newText == null ? "" : newText.strip();
        String strippedAddress = newAddress == null ? "" : newAddress.strip();
        // the same text again (the field's change event when a tap on a suggestion blurs it): the buttons stay, so
        // the tap that is on its way still reaches the button it was meant for
        if (last != null && strippedText.equals(text) && strippedAddress.equals(address)) {
            return;
        }
        text = strippedText;
        address = strippedAddress;
        removeAll();
        last = null;
        if (text.isEmpty() || text.length() > ClassifierService.MAX_TEXT) {
            setVisible(false);
            return;
        }
        try {
            last = classifier.classify(text, address.length() > ClassifierService.MAX_ADDRESS ? null : address);
        } catch (RuleViolation v) {
            setVisible(false);
            return;
        }
        add(title);
        if (last.emergencyFlag()) {
            emergency.setTitle(String.join(" ", last.emergencyWords()));
            add(emergency);
        }
        List<Suggestion> items = last.items();
        for (int i = 0; i < items.size(); i++) {
            add(button(i, items.get(i)));
        }
        setVisible(true);
        fireEvent(new ClassifiedEvent(this, last.place()));
    }

    private Button button(int index, Suggestion s) {
        // under one percent the item is an alternative to pick by hand, not a guess: its "deciding" words decided
        // nothing (天天, 都不) and 0% reads as never
        boolean weighs = s.score() >= 0.01;
        String words = !weighs || s.words().isEmpty() ? "" : " · " + String.join(" ", s.words());
        Button b = new Button(getTranslation("classify.suggestion", index + 1, s.itemCode(), s.itemName(),
                weighs ? String.valueOf(Math.round(s.score() * 100)) : "<1", words));
        b.setId("intake-suggestion-" + (index + 1));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, index == 0 ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        if (s.urgency() == Urgency.EMERGENCY) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        b.setTooltipText(getTranslation("classify.suggestion.key", index + 1));
        b.addClickShortcut(KEYS[index], KeyModifier.ALT);
        b.addClickListener(e -> fireEvent(new PickEvent(this, s, last.place())));
        return b;
    }

    public Registration addPickListener(ComponentEventListener<PickEvent> listener) {
        return addListener(PickEvent.class, listener);
    }

    public Registration addClassifiedListener(ComponentEventListener<ClassifiedEvent> listener) {
        return addListener(ClassifiedEvent.class, listener);
    }

    /** The operator picked a suggestion. */
    public static final class PickEvent extends ComponentEvent<ItemSuggestions> {

        private final Suggestion suggestion;
        private final Place place;

        PickEvent(ItemSuggestions source, Suggestion suggestion, Place place) {
            super(source, true);
            this.suggestion = suggestion;
            this.place = place;
        }

        public Suggestion suggestion() {
            return suggestion;
        }

        public Place place() {
            return place;
        }
    }

    /** A new classification: its place, for filling the district. */
    public static final class ClassifiedEvent extends ComponentEvent<ItemSuggestions> {

        private final Place place;

        ClassifiedEvent(ItemSuggestions source, Place place) {
            super(source, false);
            this.place = place;
        }

        public Place place() {
            return place;
        }
    }
}
