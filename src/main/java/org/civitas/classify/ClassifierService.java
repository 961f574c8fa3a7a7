package org.civitas.classify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private static final String SUPERVISOR_OR_ADMIN = "hasAnyRole('" + AppRoles.SUPERVISOR + "', '" + AppRoles.ADMIN
            + "')";

    private final ModelTrainer trainer;
    private final Suggester suggester;
    private final ClassificationStore store;
    private final FiguresQuery figures;
    private final QueueQuery queue;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassifierService(ModelTrainer trainer, Suggester suggester, ClassificationStore store, FiguresQuery figures,
                      QueueQuery queue, CurrentUser user, ApplicationEventPublisher events, Clock clock) {
        this.trainer = trainer;
        this.suggester = suggester;
        this.store = store;
        this.figures = figures;
        this.queue = queue;
        this.user = user;
        this.events = events;
        this.clock = clock;
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
        return suggester.classify(text, address);
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

    /** Whether and how surely the system dispatches channel reports without an item alone (DD051). */
    @PreAuthorize(SUPERVISOR_OR_ADMIN)
    public AutoDispatchSettings autoDispatchSettings() {
        return store.settings();
    }

    /**
     * The supervisor changes the automatic dispatch: on or off, the score and the place confidence it needs (each
     * between {@link AutoDispatchSettings#MIN} and {@link AutoDispatchSettings#MAX}). Audited with before and after.
     */
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    @Transactional
    public AutoDispatchSettings saveAutoDispatchSettings(boolean enabled, double threshold, double placeThreshold) {
        for (double d : new double[] {threshold, placeThreshold}) {
            if (Double.isNaN(d) || d < AutoDispatchSettings.MIN || d > AutoDispatchSettings.MAX) {
                throw new RuleViolation("classify.error.threshold", AutoDispatchSettings.MIN,
                        AutoDispatchSettings.MAX);
            }
        }
        AutoDispatchSettings before = store.settings();
        store.saveSettings(enabled, threshold, placeThreshold, LocalDateTime.now(clock), user.username());
        AutoDispatchSettings after = store.settings();
        events.publishEvent(new AuditEvent(user.username(), "CLASSIFIER_SETTINGS_CHANGED", "classifier_setting",
                "1", describe(before), describe(after), null));
        return after;
    }

    /** Accuracy in service, confusions, automatic dispatches and the threshold's meaning over the last 30 days. */
    @PreAuthorize(SUPERVISOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public ClassifierFigures figures() {
        return figures.figures(LocalDateTime.now(clock), store.settings());
    }

    /** The cases waiting for a person to classify them, with the suggestions; emergency-looking ones first. */
    @PreAuthorize("hasAnyRole('" + AppRoles.OPERATOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Transactional(readOnly = true)
    public List<QueuedReport> queue() {
        return queue.queue();
    }

    /** How many cases wait for a person to classify them, all of them (the queue's page shows the longest waiting). */
    @PreAuthorize("hasAnyRole('" + AppRoles.OPERATOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Transactional(readOnly = true)
    public long queueSize() {
        return queue.total();
    }

    /**
     * The operator registered a case: the suggestion the form showed ({@code shown}, null when it showed none) is
     * kept beside the item chosen ({@code chosenItem}, null: none, the case waits in the queue), to measure the
     * classifier in service.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.OPERATOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Transactional
    public void recordChoice(long caseId, Classification shown, String chosenItem) {
        if (shown == null || shown.items().isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        store.suggested(caseId, ChannelClassifier.SOURCE_INTAKE, shown, false, now);
        if (chosenItem != null) {
            store.chosen(caseId, chosenItem, user.username(), now);
        }
    }

    private static String describe(AutoDispatchSettings s) {
        return String.format(java.util.Locale.ROOT, "enabled=%s threshold=%.3f place=%.3f", s.enabled(),
                s.threshold(), s.placeThreshold());
    }
}
