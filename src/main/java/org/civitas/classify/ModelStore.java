package org.civitas.classify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The trained models in {@code classifier_model}: every one kept, one marked active (DD050). */
@Component
class ModelStore {

    private static final String INFO = """
            select version, trained_at, trained_by, list_version_id, examples, features, size_bytes, held_out,
                   held_out_accuracy, active, note from classifier_model""";

    private final JdbcTemplate jdbc;

    ModelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a model; an active one takes the place of the one before in the same transaction. */
    @Transactional
    long save(ModelInfo info, byte[] model) {
        if (info.active()) {
            jdbc.update("update classifier_model set active = false where active");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into classifier_model (trained_at, trained_by, list_version_id, examples, features,
                        size_bytes, held_out, held_out_accuracy, active, note, model)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"version"});
            ps.setTimestamp(1, Timestamp.valueOf(info.trainedAt()));
            ps.setString(2, info.trainedBy());
            ps.setLong(3, info.listVersionId());
            ps.setInt(4, info.examples());
            ps.setInt(5, info.features());
            ps.setInt(6, model.length);
            ps.setInt(7, info.heldOut());
            ps.setObject(8, info.heldOutAccuracy());
            ps.setBoolean(9, info.active());
            ps.setString(10, info.note());
            ps.setBytes(11, model);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<ModelInfo> active() {
        return jdbc.query(INFO + " where active order by version desc limit 1", ModelStore::info).stream().findFirst();
    }

    /** The newest models first. */
    List<ModelInfo> recent(int limit) {
        return jdbc.query(INFO + " order by version desc limit ?", ModelStore::info, limit);
    }

    byte[] bytes(long version) {
        return jdbc.queryForObject("select model from classifier_model where version = ?", byte[].class, version);
    }

    private static ModelInfo info(ResultSet rs, int row) throws SQLException {
        java.math.BigDecimal accuracy = rs.getBigDecimal("held_out_accuracy");
        return new ModelInfo(rs.getLong("version"), rs.getTimestamp("trained_at").toLocalDateTime(),
                rs.getString("trained_by"), rs.getLong("list_version_id"), rs.getInt("examples"),
                rs.getInt("features"), rs.getInt("size_bytes"), rs.getInt("held_out"),
                accuracy == null ? null : accuracy.doubleValue(), rs.getBoolean("active"), rs.getString("note"));
    }
}
