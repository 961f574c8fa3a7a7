package org.civitas.classify;

import java.time.LocalDateTime;
import java.util.Locale;
import org.civitas.base.ActorNames;
import org.civitas.base.i18n.TranslationProvider;
import org.springframework.stereotype.Component;

/**
 * The classifier at the intake of a report that came without an item (DD051): it decides whether the system may
 * classify and dispatch the report alone, and records what it suggested beside what was finally chosen. No role
 * check here: the intake that calls it has checked its caller (a channel system, a citizen on the public form).
 */
@Component
public class ChannelClassifier {

    /** The login the system's classification carries in a case's history (shown as 系统分类). */
    public static final String ACTOR = ActorNames.CLASSIFIER;
    public static final String SOURCE_CHANNEL = "CHANNEL";
    public static final String SOURCE_INTAKE = "INTAKE";
    public static final String SOURCE_QUEUE = "QUEUE";
    private static final TranslationProvider I18N = new TranslationProvider();

    /**
     * What the classifier made of a report: {@code dispatch} true when the case may be classified as
     * {@code itemCode} and dispatched at once, in {@code districtCode} (the one the report named, or the one read
     * from its address when sure enough) and {@code streetCode}.
     */
    public record Decision(Classification classification, boolean dispatch, String itemCode, String districtCode,
                           String streetCode) {

        /** The history note of an automatic dispatch: model version and score, in the office's language. */
        public String note() {
            Suggestion best = classification.items().get(0);
            return I18N.getTranslation("classify.history.auto", TranslationProvider.CHINESE,
                    classification.modelVersion(), String.format(Locale.ROOT, "%.2f", best.score()), best.itemName());
        }
    }

    private final Suggester suggester;
    private final ClassificationStore store;

    ChannelClassifier(Suggester suggester, ClassificationStore store) {
        this.suggester = suggester;
        this.store = store;
    }

    /**
     * Classifies a report without an item. A district the report names counts as sure; otherwise the one read from
     * the address (or text) must reach the place threshold. Emergency-looking text never goes out as a non-emergency
     * item ({@link Classification#autoDispatchable}); with automatic dispatch switched off nothing goes out.
     */
    public Decision decide(String text, String address, String districtGiven, String streetGiven) {
        Classification c = suggester.classify(clip(text, ClassifierService.MAX_TEXT),
                clip(address, ClassifierService.MAX_ADDRESS));
        AutoDispatchSettings s = store.settings();
        Place place = districtGiven != null
                ? new Place(districtGiven, null, streetGiven, null, 1.0, null) : c.place();
        boolean dispatch = s.enabled() && new Classification(c.items(), place, c.emergencyWords(), c.modelVersion())
                .autoDispatchable(s.threshold(), s.placeThreshold());
        String street = districtGiven != null ? streetGiven
                : place.districtCode() != null ? place.streetCode() : null;
        return new Decision(c, dispatch, c.items().isEmpty() ? null : c.items().get(0).itemCode(),
                place.districtCode(), street);
    }

    /** Records the suggestion for a new case: dispatched by the system, or waiting for a person. */
    public void suggested(long caseId, Decision d, LocalDateTime at) {
        store.suggested(caseId, SOURCE_CHANNEL, d.classification(), d.dispatch(), at);
    }

    /**
     * A person classified a case from the queue as {@code itemCode}: recorded beside the suggestion the queue showed
     * (made now from the case's text when none was recorded, e.g. an operator's report without an item).
     */
    public void chosen(long caseId, String text, String address, String itemCode, String by, LocalDateTime at) {
        if (store.of(caseId).isEmpty() && text != null && !text.isBlank()) {
            store.suggested(caseId, SOURCE_QUEUE, suggester.classify(clip(text, ClassifierService.MAX_TEXT),
                    clip(address, ClassifierService.MAX_ADDRESS)), false, at);
        }
        store.chosen(caseId, itemCode, by, at);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
