package org.civitas.citizen.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import elemental.json.JsonArray;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The phone's position, when the citizen allows it (the browser asks): it lets the office find reports within 50 m
 * of each other. Optional; without it the street and address place the report.
 */
class PublicLocation extends HorizontalLayout {

    private static final String GET_POSITION = """
            return new Promise((resolve, reject) => {
              if (!navigator.geolocation) { reject('unsupported'); return; }
              navigator.geolocation.getCurrentPosition(
                p => resolve([p.coords.latitude, p.coords.longitude]),
                e => reject(e.message), {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
            });""";

    final Button locate = new Button();
    final Span shown = new Span();
    private BigDecimal latitude;
    private BigDecimal longitude;

    PublicLocation() {
        setId("public-location");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        locate.setText(getTranslation("public.report.locate"));
        locate.setId("public-locate");
        locate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        locate.addClickListener(e -> locate.getElement().executeJs(GET_POSITION)
                .then(JsonArray.class, a -> set(a.getNumber(0), a.getNumber(1)),
                        error -> shown.setText(getTranslation("public.report.locate.failed"))));
        shown.setId("public-location-shown");
        shown.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(locate, shown);
    }

    /** A position from the browser; out of range values are dropped (the service would refuse them). */
    void set(double lat, double lon) {
        if (Double.isNaN(lat) || Double.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            clear();
            shown.setText(getTranslation("public.report.locate.failed"));
            return;
        }
        latitude = BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_UP);
        longitude = BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_UP);
        shown.setText(getTranslation("public.report.located", latitude.toPlainString(), longitude.toPlainString()));
    }

    void clear() {
        latitude = null;
        longitude = null;
        shown.setText("");
    }

    BigDecimal latitude() {
        return latitude;
    }

    BigDecimal longitude() {
        return longitude;
    }
}
