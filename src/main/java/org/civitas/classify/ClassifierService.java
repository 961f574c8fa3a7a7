package org.civitas.classify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.ItemView;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The classifier as the rest of Civitas uses it (DD050): the operator's form and the channels ask for suggestions;
 * supervisors retrain on demand and read the models' figures.
 */
@Service
public class ClassifierService implements Classifier {

    /** What a text may be at most: a case description's limit, which also bounds the work per request. */
    public static final int MAX_TEXT = 4000;
    public static final int MAX_ADDRESS = 200;
    static final int TOP = 3;

    private final ModelTrainer trainer;
    private final CurrentUser user;

    ClassifierService(ModelTrainer trainer, CurrentUser user) {
        this.trainer = trainer;
        this.user = user;
    }

    @Override
    @PreAuthorize("hasAnyRole('" + AppRoles.OPERATOR + "', '" + AppRoles.SUPERVISOR + "', '" + AppRoles.CHANNEL
            + "', '" + AppRoles.INSPECTOR + "')")
    public Classification classify(String text, String address) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new RuleViolation("classify.error.text", MAX_TEXT);
        }
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new RuleViolation("classify.error.address", MAX_ADDRESS);
        }
        ModelTrainer.Loaded loaded = trainer.current();
        Map<String, ItemView> items = trainer.items().stream()
                .collect(Collectors.toMap(ItemView::code, Function.identity()));
        List<Suggestion> top = loaded.model().score(text, Set.copyOf(items.keySet()), TOP).stream()
                .map(s -> {
                    ItemView i = items.get(s.label());
                    return new Suggestion(i.code(), i.name(), i.urgency(), Math.round(s.score() * 1000) / 1000.0,
                            s.words());
                })
                .toList();
        return new Classification(top, loaded.places().find(address, text), EmergencyWords.in(text),
                loaded.info().version());
    }

    /** Trains a model now from the list and the cases; it goes into service only if it is not worse. */
    @PreAuthorize("hasAnyRole('" + AppRoles.SUPERVISOR + "', '" + AppRoles.ADMIN + "')")
    public ModelInfo retrain() {
        return trainer.retrain(user.username());
    }

    /** The model in service, trained first if there is none. */
    @PreAuthorize("hasAnyRole('" + AppRoles.SUPERVISOR + "', '" + AppRoles.ADMIN + "', '" + AppRoles.LEADER + "')")
    public ModelInfo activeModel() {
        return trainer.current().info();
    }
}
