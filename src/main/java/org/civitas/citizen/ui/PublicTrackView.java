package org.civitas.citizen.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.LocalDate;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.catalog.CatalogService;
import org.civitas.citizen.PublicLimits;

/**
 * 查询进度: the complainant follows the case with its number and tracking code (older cases without a code: the
 * phone's last four digits), sees the public timeline and the unit's reply, and rates once. A wrong code and an
 * unknown number get the same words. Lookups are limited per client address here; wrong codes are counted per case
 * number, in whatever spelling, by the service ({@link CitizenCases#track}).
 */
@Route(value = "public/track/:number?", layout = PublicLayout.class)
@AnonymousAllowed
public class PublicTrackView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CitizenCases citizens;
    private final PublicLimits limits;
    private final ClientAddress client;
    private final CatalogService catalog;
    private final Clock clock;

    final TextField number = new TextField();
    final TextField code = new TextField();
    final Button lookUp = new Button();
    final VerticalLayout result = new VerticalLayout();
    /** The pair that last opened the case: the rating proves itself with it again. */
    private String shownNumber;
    private String shownCode;

    public PublicTrackView(CitizenCases citizens, PublicLimits limits, ClientAddress client, CatalogService catalog,
                           Clock clock) {
        this.citizens = citizens;
        this.limits = limits;
        this.client = client;
        this.catalog = catalog;
        this.clock = clock;
        setPadding(false);
        number.setLabel(getTranslation("public.track.number"));
        number.setId("public-track-number");
        number.setMaxLength(32);
        number.setWidthFull();
        code.setLabel(getTranslation("public.track.code"));
        code.setHelperText(getTranslation("public.track.code.help"));
        code.setId("public-track-code");
        code.setMaxLength(16);
        code.setWidthFull();
        lookUp.setText(getTranslation("public.track.submit"));
        lookUp.setId("public-track-submit");
        lookUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        lookUp.addClickListener(e -> lookUp());
        result.setPadding(false);
        result.setId("public-track-result");
        add(new H2(getTranslation("public.track.title")), number, code, lookUp, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("number").ifPresent(number::setValue);
    }

    void lookUp() {
        result.removeAll();
        shownNumber = null;
        String n = number.getValue().strip();
        String c = code.getValue().strip();
        if (n.isEmpty() || c.isEmpty()) {
            Toasts.error(getTranslation("public.error.trackInput"));
            return;
        }
        if (!limits.tryUse(PublicLimits.Use.TRACK, client.current())) {
            Toasts.error(getTranslation("public.error.tooMany"));
            return;
        }
        try {
            show(citizens.track(n, c));
            shownNumber = n;
            shownCode = c;
        } catch (RuleViolation v) {
            Toasts.refused(v);
        }
    }

    private void show(PublicCase c) {
        result.removeAll();
        PublicCaseCard card = new PublicCaseCard(c, catalog, LocalDate.now(clock));
        result.add(card);
        if (c.rateable()) {
            PublicRatingForm rating = new PublicRatingForm();
            rating.addRateListener(e -> rate(e.rating(), e.solved(), e.note()));
            result.add(rating);
        }
    }

    private void rate(Rating rating, boolean solved, String note) {
        if (shownNumber == null) {
            return;
        }
        if (!limits.tryUse(PublicLimits.Use.RATE, client.current())) {
            Toasts.error(getTranslation("public.error.tooMany"));
            return;
        }
        try {
            PublicCase rated = citizens.rate(shownNumber, shownCode, rating, solved, note);
            show(rated);
            Toasts.success(getTranslation("public.rate.done"));
        } catch (RuleViolation v) {
            Toasts.refused(v);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("public.track.title") + " · " + getTranslation("app.name");
    }
}
