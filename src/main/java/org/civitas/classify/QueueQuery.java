package org.civitas.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.catalog.ItemView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The classification queue as the classifier sees it: the cases still REGISTERED (read as a plain projection of the
 * case table, like {@link TrainingData}), each with its recorded suggestion, or one made now when none was
 * recorded. Emergency-looking reports first, then the longest waiting.
 */
@Component
class QueueQuery {

    /** The page shown: the flagged reports recorded at intake come first in SQL too, so none falls off it. */
    static final int LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final ClassificationStore store;
    private final Suggester suggester;
    private final ModelTrainer trainer;

    QueueQuery(JdbcTemplate jdbc, ClassificationStore store, Suggester suggester, ModelTrainer trainer) {
        this.jdbc = jdbc;
        this.store = store;
        this.suggester = suggester;
        this.trainer = trainer;
    }

    /** All the cases waiting, counted as the home page counts them (the page shows at most {@link #LIMIT}). */
    long total() {
        Long n = jdbc.queryForObject("select count(*) from case_file where status = 'REGISTERED'", Long.class);
        return n == null ? 0 : n;
    }

    List<QueuedReport> queue() {
        Map<String, ItemView> items = new HashMap<>();
        trainer.items().forEach(i -> items.put(i.code(), i));
        List<QueuedReport> out = new ArrayList<>();
        jdbc.query("""
                select c.id, c.number, c.received_at, c.channel, c.description, c.address, c.district_code
                from case_file c left join classification_record r on r.case_id = c.id
                where c.status = 'REGISTERED'
                order by r.emergency_words is null, c.received_at, c.id limit ?""", rs -> {
            long id = rs.getLong("id");
            String text = rs.getString("description");
            String address = rs.getString("address");
            var recorded = store.of(id);
            List<Suggestion> suggestions;
            List<String> emergency;
            if (recorded.isPresent()) {
                var r = recorded.get();
                suggestions = new ArrayList<>();
                for (int k = 0; k < r.items().size(); k++) {
                    ItemView i = items.get(r.items().get(k));
                    Double score = r.scores().get(k);
                    suggestions.add(new Suggestion(r.items().get(k), i == null ? r.items().get(k) : i.name(),
                            i == null ? null : i.urgency(), score == null ? 0 : score, List.of()));
                }
                emergency = r.emergencyWords() == null ? List.of() : Arrays.asList(r.emergencyWords().split(","));
            } else {
                Classification c = suggester.classify(clip(text, ClassifierService.MAX_TEXT),
                        clip(address, ClassifierService.MAX_ADDRESS));
                suggestions = c.items();
                emergency = c.emergencyWords();
            }
            out.add(new QueuedReport(id, rs.getString("number"), rs.getObject("received_at",
                    java.time.LocalDateTime.class), rs.getString("channel"), text, rs.getString("district_code"),
                    List.copyOf(suggestions), List.copyOf(emergency)));
        }, LIMIT);
        out.sort(Comparator.comparing((QueuedReport q) -> !q.emergency())
                .thenComparing(QueuedReport::receivedAt).thenComparing(QueuedReport::caseId));
        return out;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
