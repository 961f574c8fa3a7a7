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
import org.civitas.cases.CitizenCases;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.catalog.CatalogService;
import org.civitas.citizen.PublicLimits;

/**
 * 查询进度: the complainant follows the case with its number and the last four digits of the phone, sees the public
 * timeline and the unit's reply, and rates once. A wrong code and an unknown number get the same words; wrong codes
 * are counted per number, lookups per client address.
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
        code.setId("public-track-code");
        code.setMaxLength(4);
        code.setAllowedCharPattern("[0-9]");
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
        String n = number.getValue().trim();
        String c = code.getValue().trim();
        if (n.isEmpty() || !c.matches("[0-9]{4}")) {
            Toasts.error(getTranslation("public.error.trackInput"));
            return;
        }
        if (!limits.tryUse(PublicLimits.Use.TRACK, client.current())) {
            Toasts.error(getTranslation("public.error.tooMany"));
            return;
        }
        if (limits.numberLocked(n)) {
            Toasts.error(getTranslation("public.error.numberLocked"));
            return;
        }
        try {
            show(citizens.track(n, c));
            shownNumber = n;
            shownCode = c;
        } catch (RuleViolation v) {
            if ("citizen.error.notFound".equals(v.key())) {
                limits.wrongCode(n);
            }
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
