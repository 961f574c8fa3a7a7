package org.civitas.catalog;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Loads the categories, the units and the first version of the negative list from the CSV copies in
 * {@code src/main/resources/reference}. Later years' lists are new versions made in the admin UI, not migrations.
 * The class name is Flyway's version convention; Spring Boot hands this bean to Flyway.
 */
@Component
class V2__Reference_data extends BaseJavaMigration {

    private final Clock clock;

    V2__Reference_data(Clock clock) {
        this.clock = clock;
    }

    static final String CATEGORIES = "/reference/categories.csv";
    static final String UNITS = "/reference/units.csv";
    static final String ITEMS = "/reference/negative-list.csv";
    static final LocalDate FIRST_VERSION_EFFECTIVE = LocalDate.of(2016, 1, 1);

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into category (code, name, sort_order) values (?, ?, ?)")) {
            for (CSVRecord r : read(CATEGORIES)) {
                ps.setString(1, r.get("code"));
                ps.setString(2, r.get("name"));
                ps.setInt(3, Integer.parseInt(r.get("sort")));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // parents before their streets
        List<CSVRecord> units = new ArrayList<>(read(UNITS));
        units.sort(Comparator.comparing(r -> r.get("parent_code").isEmpty() ? 0 : 1));
        try (PreparedStatement ps = c.prepareStatement(
                "insert into unit (code, name, kind, peer_group, parent_code) values (?, ?, ?, ?, ?)")) {
            for (CSVRecord r : units) {
                ps.setString(1, r.get("code"));
                ps.setString(2, r.get("name"));
                ps.setString(3, r.get("kind"));
                ps.setString(4, emptyToNull(r.get("peer_group")));
                ps.setString(5, emptyToNull(r.get("parent_code")));
                ps.executeUpdate();
            }
        }
        long versionId;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into list_version (label, effective_from, created_at, created_by) values (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "v1");
            ps.setDate(2, Date.valueOf(FIRST_VERSION_EFFECTIVE));
            ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(clock)));
            ps.setString(4, "flyway");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                versionId = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into list_item (list_version_id, code, category_code, name, description, urgency, time_limit,
                                       time_unit, responsibility, lead_unit_code, legal_basis)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (CSVRecord r : read(ITEMS)) {
                ps.setLong(1, versionId);
                ps.setString(2, r.get("code"));
                ps.setString(3, r.get("category"));
                ps.setString(4, r.get("name"));
                ps.setString(5, r.get("description"));
                ps.setString(6, r.get("urgency"));
                ps.setInt(7, Integer.parseInt(r.get("time_limit")));
                ps.setString(8, r.get("time_unit"));
                ps.setString(9, r.get("responsibility"));
                ps.setString(10, emptyToNull(r.get("lead_unit")));
                ps.setString(11, emptyToNull(r.get("legal_basis")));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<CSVRecord> read(String resource) throws Exception {
        try (Reader in = new InputStreamReader(V2__Reference_data.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
