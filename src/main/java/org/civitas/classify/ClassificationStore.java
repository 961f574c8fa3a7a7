package org.civitas.classify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The classifier's own rows (DD051): the automatic-dispatch setting ({@code classifier_setting}) and, per case, the
 * suggestion shown beside the item finally chosen ({@code classification_record}).
 */
@Component
class ClassificationStore {

    /** A recorded suggestion and its outcome, as the figures read it. */
    record Row(long caseId, LocalDateTime recordedAt, String source, long modelVersion, List<String> items,
               List<Double> scores, String districtCode, Double placeConfidence, String emergencyWords,
               boolean autoDispatched, String chosenItem, LocalDateTime chosenAt, String chosenBy) {

        double score1() {
            return scores.isEmpty() || scores.get(0) == null ? 0 : scores.get(0);
        }

        String item1() {
            return items.isEmpty() ? null : items.get(0);
        }
    }

    private final JdbcTemplate jdbc;

    ClassificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AutoDispatchSettings settings() {
        return jdbc.queryForObject("select auto_dispatch, threshold, place_threshold, updated_at, updated_by "
                + "from classifier_setting where id = 1", (rs, i) -> new AutoDispatchSettings(
                rs.getBoolean(1), rs.getBigDecimal(2).doubleValue(), rs.getBigDecimal(3).doubleValue(),
                rs.getObject(4, LocalDateTime.class), rs.getString(5)));
    }

    void saveSettings(boolean enabled, double threshold, double placeThreshold, LocalDateTime at, String by) {
        jdbc.update("update classifier_setting set auto_dispatch = ?, threshold = ?, place_threshold = ?, "
                + "updated_at = ?, updated_by = ? where id = 1", enabled, decimal(threshold), decimal(placeThreshold),
                Timestamp.valueOf(at), by);
    }

    /** The suggestion for a case; a case classified once keeps its first suggestion. */
    void suggested(long caseId, String source, Classification c, boolean auto, LocalDateTime at) {
        List<Object> args = new ArrayList<>(List.of(caseId, Timestamp.valueOf(at), source, c.modelVersion()));
        for (int k = 0; k < ClassifierService.TOP; k++) {
            boolean has = k < c.items().size();
            args.add(has ? c.items().get(k).itemCode() : null);
            args.add(has ? decimal(c.items().get(k).score()) : null);
        }
        args.add(c.place().districtCode());
        args.add(c.place().recognised() ? decimal(c.place().confidence()) : null);
        args.add(c.emergencyFlag() ? truncate(String.join(",", c.emergencyWords()), 200) : null);
        args.add(auto);
        args.add(auto && !c.items().isEmpty() ? c.items().get(0).itemCode() : null);
        args.add(auto ? Timestamp.valueOf(at) : null);
        args.add(auto ? ChannelClassifier.ACTOR : null);
        jdbc.update("""
                insert ignore into classification_record (case_id, recorded_at, source, model_version, item1, score1,
                    item2, score2, item3, score3, district_code, place_confidence, emergency_words, auto_dispatched,
                    chosen_item, chosen_at, chosen_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args.toArray());
    }

    /** The item a person chose for a case; false when the case has no suggestion recorded. */
    boolean chosen(long caseId, String itemCode, String by, LocalDateTime at) {
        return jdbc.update("update classification_record set chosen_item = ?, chosen_at = ?, chosen_by = ? "
                + "where case_id = ?", itemCode, Timestamp.valueOf(at), by, caseId) > 0;
    }

    Optional<Row> of(long caseId) {
        return jdbc.query(SELECT + " where case_id = ?", ClassificationStore::row, caseId).stream().findFirst();
    }

    /** The records of cases whose suggestion was made in {@code [from, to)}. */
    List<Row> between(LocalDateTime from, LocalDateTime to) {
        return jdbc.query(SELECT + " where recorded_at >= ? and recorded_at < ?", ClassificationStore::row,
                Timestamp.valueOf(from), Timestamp.valueOf(to));
    }

    private static final String SELECT = """
            select case_id, recorded_at, source, model_version, item1, score1, item2, score2, item3, score3,
                   district_code, place_confidence, emergency_words, auto_dispatched, chosen_item, chosen_at,
                   chosen_by from classification_record""";

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        List<String> items = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int k = 1; k <= ClassifierService.TOP; k++) {
            String item = rs.getString("item" + k);
            if (item != null) {
                items.add(item);
                BigDecimal s = rs.getBigDecimal("score" + k);
                scores.add(s == null ? null : s.doubleValue());
            }
        }
        BigDecimal place = rs.getBigDecimal("place_confidence");
        return new Row(rs.getLong("case_id"), rs.getObject("recorded_at", LocalDateTime.class),
                rs.getString("source"), rs.getLong("model_version"), items, scores, rs.getString("district_code"),
                place == null ? null : place.doubleValue(), rs.getString("emergency_words"),
                rs.getBoolean("auto_dispatched"), rs.getString("chosen_item"),
                rs.getObject("chosen_at", LocalDateTime.class), rs.getString("chosen_by"));
    }

    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
