package org.civitas.classify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.audit.AuditEvent;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains, keeps and serves the classifier model (DD050). Training reads the list in force (names, descriptions,
 * 别名/关键词) and the cases whose item a person chose; the newest tenth of those cases (at most 2,000) is held out to
 * measure the new model, which replaces the active one only when it is not less accurate than the active one was on
 * its own held-out slice, or when the list version changed; the slice also fits the scores' temperature. The kept
 * model then counts every case. Each node holds the active model in memory and looks for a newer one in the database
 * at most once a minute; a model of another list version than the one in force, or of an earlier kind, is retrained
 * at once.
 */
@Component
class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    /** Weights of the list's own words against one case's text: the list speaks for every item from the first day. */
    static final double NAME_WEIGHT = 3;
    static final double KEYWORD_WEIGHT = 3;
    static final double DESCRIPTION_WEIGHT = 2;
    static final int HOLD_OUT_MAX = 2_000;
    static final int HOLD_OUT_MIN_CASES = 50;
    private static final long RECHECK_MS = 60_000;

    /** The model in service on this node, with what it needs to answer. */
    record Loaded(ModelInfo info, NaiveBayes model, PlaceFinder places, Instant checkedAt) {
    }

    private final CatalogService catalog;
    private final TrainingData data;
    private final ModelStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile Loaded loaded;

    ModelTrainer(CatalogService catalog, TrainingData data, ModelStore store, ApplicationEventPublisher events,
                 TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.data = data;
        this.store = store;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The active model; trained at once when there is none yet, reloaded when another node stored a newer one. */
    synchronized Loaded current() {
        Loaded l = loaded;
        if (l != null && Instant.now(clock).toEpochMilli() - l.checkedAt().toEpochMilli() < RECHECK_MS
                && !Instant.now(clock).isBefore(l.checkedAt())) {
            return l;
        }
        var active = store.active();
        // a list version that has come into force is learnt at once (its retired items were never suggested anyway)
        if (active.isEmpty() || active.get().listVersionId() != catalog.currentVersion(LocalDate.now(clock)).id()) {
            retrain("system");
            return loaded;
        }
        if (l == null || l.info().version() != active.get().version()) {
            NaiveBayes model = NaiveBayes.fromBytes(store.bytes(active.get().version()));
            if (model.outdated()) {
                // a model of the first kind (other features, other scores): replaced by one of this kind
                retrain("system");
                return loaded;
            }
            loaded = new Loaded(active.get(), model, places(), Instant.now(clock));
        } else {
            loaded = new Loaded(l.info(), l.model(), l.places(), Instant.now(clock));
        }
        return loaded;
    }

    /** Drops the model held in memory: the next request loads the active one from the database. */
    synchronized void forget() {
        loaded = null;
    }

    /** The list in force: its items by code. */
    List<ItemView> items() {
        return catalog.itemsOfVersion(catalog.currentVersion(LocalDate.now(clock)).id());
    }

    synchronized ModelInfo retrain(String by) {
        long started = System.nanoTime();
        long listVersion = catalog.currentVersion(LocalDate.now(clock)).id();
        List<ItemView> items = catalog.itemsOfVersion(listVersion);
        Set<String> codes = new TreeSet<>();
        items.forEach(i -> codes.add(i.code()));
        List<NaiveBayes.Example> list = listExamples(items, catalog.keywordsOfVersion(listVersion));
        // an item retired from the list teaches nothing: its cases are left out and it is never suggested
        List<TrainingData.LabelledCase> cases = data.cases().stream().filter(c -> codes.contains(c.itemCode()))
                .filter(c -> c.text() != null && !c.text().isBlank()).toList();
        Fit fit = fit(list, cases, codes);
        int hold = fit.heldOut();
        Double accuracy = fit.accuracy();
        ModelInfo active = store.active().orElse(null);
        boolean replace = active == null || active.listVersionId() != listVersion || accuracy == null
                || active.heldOutAccuracy() == null || accuracy >= active.heldOutAccuracy();
        NaiveBayes kept = fit.model();
        byte[] bytes = kept.toBytes();
        String note = replace ? null : "held-out accuracy %.4f below the active model's %.4f"
                .formatted(accuracy, active.heldOutAccuracy());
        ModelInfo draft = new ModelInfo(0, LocalDateTime.now(clock), by, listVersion, list.size() + cases.size(),
                kept.featureCount(), bytes.length, hold, accuracy == null ? null : Math.round(accuracy * 1e4) / 1e4,
                replace, note);
        long version = tx.execute(s -> {
            long v = store.save(draft, bytes);
            events.publishEvent(new AuditEvent(by, "CLASSIFIER_RETRAINED", "classifier_model", String.valueOf(v),
                    null, null, "examples=%d heldOut=%d accuracy=%s active=%s".formatted(draft.examples(), hold,
                    draft.heldOutAccuracy(), replace)));
            return v;
        });
        ModelInfo stored = new ModelInfo(version, draft.trainedAt(), by, listVersion, draft.examples(),
                draft.features(), draft.sizeBytes(), hold, draft.heldOutAccuracy(), replace, note);
        if (replace) {
            loaded = new Loaded(stored, kept, places(), Instant.now(clock));
        }
        log.info("Classifier model {} trained on {} examples in {} ms: held-out {} accuracy {}, {}", version,
                draft.examples(), (System.nanoTime() - started) / 1_000_000, hold, draft.heldOutAccuracy(),
                replace ? "in service" : "kept aside (" + note + ")");
        return stored;
    }

    static List<NaiveBayes.Example> listExamples(List<ItemView> items, Map<String, String> keywords) {
        List<NaiveBayes.Example> out = new ArrayList<>();
        for (ItemView i : items) {
            out.add(new NaiveBayes.Example(i.code(), i.name(), NAME_WEIGHT));
            out.add(new NaiveBayes.Example(i.code(), i.description(), DESCRIPTION_WEIGHT));
            String k = keywords.get(i.code());
            if (k != null) {
                for (String word : k.split(",")) {
                    out.add(new NaiveBayes.Example(i.code(), word, KEYWORD_WEIGHT));
                }
            }
        }
        return out;
    }

    /** A trained model and what its held-out slice said of it (accuracy null: no slice). */
    record Fit(NaiveBayes model, int heldOut, Double accuracy) {
    }

    /**
     * Trains on the list's examples and the cases (newest first): the newest tenth of the cases (at most
     * {@link #HOLD_OUT_MAX}, none below {@link #HOLD_OUT_MIN_CASES}) is held out; a model counted without it is
     * measured on it and its temperature fitted to it, then the slice is counted too, so the model kept knows every
     * case and scores at the fitted temperature. Counting is additive, so every case is read once.
     */
    static Fit fit(List<NaiveBayes.Example> list, List<TrainingData.LabelledCase> cases, Set<String> codes) {
        int hold = cases.size() < HOLD_OUT_MIN_CASES ? 0 : Math.min(HOLD_OUT_MAX, cases.size() / 10);
        NaiveBayes.Counter counter = new NaiveBayes.Counter();
        list.forEach(counter::add);
        for (TrainingData.LabelledCase c : cases.subList(hold, cases.size())) {
            counter.add(new NaiveBayes.Example(c.itemCode(), c.text(), 1));
        }
        if (hold == 0) {
            return new Fit(counter.build(NaiveBayes.DEFAULT_TEMPERATURE), 0, null);
        }
        List<TrainingData.LabelledCase> slice = cases.subList(0, hold);
        NaiveBayes candidate = counter.build(NaiveBayes.DEFAULT_TEMPERATURE);
        double accuracy = accuracy(candidate, slice, codes);
        double temperature = candidate.fitTemperature(slice.stream().map(TrainingData.LabelledCase::text).toList(),
                slice.stream().map(TrainingData.LabelledCase::itemCode).toList(), codes);
        for (TrainingData.LabelledCase c : slice) {
            counter.add(new NaiveBayes.Example(c.itemCode(), c.text(), 1));
        }
        return new Fit(counter.build(temperature), hold, accuracy);
    }

    static double accuracy(NaiveBayes model, List<TrainingData.LabelledCase> slice, Set<String> codes) {
        long right = slice.stream().filter(c -> {
            var best = model.score(c.text(), codes, 1);
            return !best.isEmpty() && best.get(0).label().equals(c.itemCode());
        }).count();
        return (double) right / slice.size();
    }

    private PlaceFinder places() {
        List<UnitView> units = new ArrayList<>(catalog.districts());
        catalog.districts().forEach(d -> units.addAll(catalog.streetsOf(d.code())));
        return new PlaceFinder(units, data.roads());
    }
}
