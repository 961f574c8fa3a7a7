package org.civitas.citizen.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import org.civitas.cases.Rating;

/** The complainant's one rating (群众首评): satisfaction, solved or not, an optional note. Raises {@link RateEvent}. */
class PublicRatingForm extends VerticalLayout {

    static final int NOTE_MAX = 500;

    final RadioButtonGroup<Rating> rating = new RadioButtonGroup<>();
    final RadioButtonGroup<Boolean> solved = new RadioButtonGroup<>();
    final TextArea note = new TextArea();
    final Button send = new Button();

    PublicRatingForm() {
        setId("public-rating");
        setPadding(false);
        rating.setLabel(getTranslation("public.rate.rating"));
        rating.setItems(Rating.values());
        rating.setItemLabelGenerator(r -> getTranslation("Rating." + r.name()));
        rating.setRequiredIndicatorVisible(true);
        rating.setId("public-rating-rating");
        solved.setLabel(getTranslation("public.rate.solved"));
        solved.setItems(Boolean.TRUE, Boolean.FALSE);
        solved.setItemLabelGenerator(b -> getTranslation(b ? "public.rate.solved.yes" : "public.rate.solved.no"));
        solved.setRequiredIndicatorVisible(true);
        solved.setId("public-rating-solved");
        note.setLabel(getTranslation("public.rate.note"));
        note.setMaxLength(NOTE_MAX);
        note.setWidthFull();
        note.setId("public-rating-note");
        send.setText(getTranslation("public.rate.submit"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("public-rating-submit");
        send.setDisableOnClick(true);
        send.addClickListener(e -> send());
        add(new H3(getTranslation("public.rate.title")), rating, solved, note, send);
    }

    void send() {
        try {
            boolean ok = rating.getValue() != null;
            rating.setInvalid(!ok);
            rating.setErrorMessage(ok ? null : getTranslation("case.error.ratingRequired"));
            boolean answered = solved.getValue() != null;
            solved.setInvalid(!answered);
            solved.setErrorMessage(answered ? null : getTranslation("public.error.solvedRequired"));
            if (ok && answered) {
                String text = note.getValue().strip();
                fireEvent(new RateEvent(this, rating.getValue(), solved.getValue(), text.isEmpty() ? null : text));
            }
        } finally {
            send.setEnabled(true);
        }
    }

    Registration addRateListener(ComponentEventListener<RateEvent> listener) {
        return addListener(RateEvent.class, listener);
    }

    static class RateEvent extends ComponentEvent<PublicRatingForm> {
        private final Rating rating;
        private final boolean solved;
        private final String note;

        RateEvent(PublicRatingForm source, Rating rating, boolean solved, String note) {
            super(source, false);
            this.rating = rating;
            this.solved = solved;
            this.note = note;
        }

        Rating rating() {
            return rating;
        }

        boolean solved() {
            return solved;
        }

        String note() {
            return note;
        }
    }
}
