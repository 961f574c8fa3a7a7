package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import elemental.json.JsonObject;
import java.math.BigDecimal;

/**
 * Where the inspector stands, from the phone's position (browser geolocation). Asked only when the inspector taps the
 * button, so the browser's own consent prompt comes from a deliberate act; refused or unavailable leaves no position
 * and says why. Shown as text (latitude, longitude and the browser's accuracy radius), never as a map.
 */
class PositionField extends Div {

    /** Asks once, with a time-out, accepting a fix up to a minute old (the inspector has not moved far). */
    static final String LOCATE = """
            return new Promise(resolve => {
              if (!window.isSecureContext || !navigator.geolocation) { resolve({error: 'unsupported'}); return; }
              navigator.geolocation.getCurrentPosition(
                p => resolve({lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy}),
                e => resolve({error: e.code === 1 ? 'denied' : e.code === 3 ? 'timeout' : 'unavailable'}),
                {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
            });""";

    final Button locate = new Button();
    final Span text = new Span();
    private BigDecimal latitude;
    private BigDecimal longitude;
    private Integer accuracy;

    PositionField() {
        addClassName("position-field");
        locate.setText(getTranslation("inspection.position.locate"));
        locate.setIcon(VaadinIcon.LOCATION_ARROW_CIRCLE.create());
        locate.setId("finding-locate");
        locate.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        locate.addClickListener(e -> {
            locate.setEnabled(false);
            text.setText(getTranslation("inspection.position.asking"));
            getElement().executeJs(LOCATE).then(JsonObject.class, this::located, error -> failed("unavailable"));
        });
        text.setId("finding-position");
        text.addClassName("position-text");
        text.setText(getTranslation("inspection.position.none"));
        add(locate, text);
    }

    /** What the browser answered: a position, or why there is none (the position taken before is dropped). */
    void located(JsonObject answer) {
        if (answer.hasKey("error")) {
            failed(answer.getString("error"));
            return;
        }
        show(BigDecimal.valueOf(answer.getNumber("lat")), BigDecimal.valueOf(answer.getNumber("lng")),
                (int) Math.round(answer.getNumber("accuracy")));
    }

    void show(BigDecimal lat, BigDecimal lng, int accuracyMetres) {
        latitude = lat.setScale(6, java.math.RoundingMode.HALF_UP);
        longitude = lng.setScale(6, java.math.RoundingMode.HALF_UP);
        accuracy = accuracyMetres;
        text.setText(getTranslation("inspection.position.shown", latitude.toPlainString(), longitude.toPlainString(),
                accuracyMetres));
        locate.setEnabled(true);
        locate.setText(getTranslation("inspection.position.again"));
    }

    private void failed(String reason) {
        latitude = null;
        longitude = null;
        accuracy = null;
        text.setText(getTranslation("inspection.position." + switch (reason) {
            case "denied" -> "denied";
            case "timeout" -> "timeout";
            case "unsupported" -> "unsupported";
            default -> "unavailable";
        }));
        locate.setEnabled(true);
    }

    BigDecimal latitude() {
        return latitude;
    }

    BigDecimal longitude() {
        return longitude;
    }

    Integer accuracyMetres() {
        return accuracy;
    }
}
