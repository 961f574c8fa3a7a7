package org.civitas.classify;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Urgency;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@link ClassifierFigures} from the recorded suggestions and, for the returns, the case history (read only). */
@Component
class FiguresQuery {

    static final int DAYS = ClassifierFigures.DAYS;
    private static final int PAIRS = 5;

    private final ClassificationStore store;
    private final ModelTrainer trainer;
    private final NamedParameterJdbcTemplate jdbc;

    FiguresQuery(ClassificationStore store, ModelTrainer trainer, NamedParameterJdbcTemplate jdbc) {
        this.store = store;
        this.trainer = trainer;
        this.jdbc = jdbc;
    }

    ClassifierFigures figures(LocalDateTime now, AutoDispatchSettings settings) {
        List<ClassificationStore.Row> rows = store.between(now.minusDays(DAYS), now);
        Map<String, ItemView> items = new HashMap<>();
        trainer.items().forEach(i -> items.put(i.code(), i));
        List<ClassificationStore.Row> judged = rows.stream()
                .filter(r -> r.chosenItem() != null && !ChannelClassifier.ACTOR.equals(r.chosenBy())
                        && r.item1() != null)
                .toList();
        long right = judged.stream().filter(r -> r.item1().equals(r.chosenItem())).count();
        Map<String, long[]> perCategory = new TreeMap<>();
        Map<List<String>, Long> pairs = new HashMap<>();
        long covered = 0;
        long coveredRight = 0;
        for (ClassificationStore.Row r : judged) {
            ItemView chosen = items.get(r.chosenItem());
            String category = chosen == null ? r.chosenItem() : chosen.categoryName();
            long[] c = perCategory.computeIfAbsent(category, k -> new long[2]);
            c[0]++;
            boolean ok = r.item1().equals(r.chosenItem());
            if (ok) {
                c[1]++;
            } else {
                pairs.merge(List.of(r.item1(), r.chosenItem()), 1L, Long::sum);
            }
            if (wouldDispatch(r, items, settings)) {
                covered++;
                coveredRight += ok ? 1 : 0;
            }
        }
        List<ClassifierFigures.CategoryAccuracy> categories = new ArrayList<>();
        perCategory.forEach((k, v) -> categories.add(new ClassifierFigures.CategoryAccuracy(k, v[0], v[1])));
        List<ClassifierFigures.ConfusedPair> confused = pairs.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().toString()))
                .limit(PAIRS)
                .map(e -> new ClassifierFigures.ConfusedPair(name(items, e.getKey().get(0)),
                        name(items, e.getKey().get(1)), e.getValue()))
                .toList();
        List<Long> auto = rows.stream().filter(ClassificationStore.Row::autoDispatched)
                .map(ClassificationStore.Row::caseId).toList();
        return new ClassifierFigures(DAYS, judged.size(), right, categories, confused, auto.size(), returned(auto),
                new ClassifierFigures.WhatIf(settings.threshold(), settings.placeThreshold(), judged.size(), covered,
                        coveredRight));
    }

    /** What {@link Classification#autoDispatchable} would have said of a recorded suggestion. */
    private static boolean wouldDispatch(ClassificationStore.Row r, Map<String, ItemView> items,
                                         AutoDispatchSettings s) {
        if (r.districtCode() == null || r.placeConfidence() == null || r.placeConfidence() < s.placeThreshold()) {
            return false;
        }
        ItemView best = items.get(r.item1());
        if (r.emergencyWords() != null && (best == null || best.urgency() != Urgency.EMERGENCY)) {
            return false;
        }
        return r.score1() >= s.threshold();
    }

    /** How many of the automatically dispatched cases a unit asked to return. */
    private long returned(List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        Long n = jdbc.queryForObject("select count(distinct case_id) from case_history "
                        + "where action = 'REQUEST_RETURN' and case_id in (:ids)",
                new MapSqlParameterSource("ids", caseIds), Long.class);
        return n == null ? 0 : n;
    }

    private static String name(Map<String, ItemView> items, String code) {
        ItemView i = items.get(code);
        return i == null ? code : i.name();
    }
}
