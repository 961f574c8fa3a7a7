package org.civitas.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.CatalogService;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.base.identity.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The rows of rounds, findings and notices, the history and the photos: what {@link InspectionService} and
 * {@link NoticeService} share. No role checks here: the public methods of the two services check the caller, and
 * one calling into the other through this class keeps a single check per call, as when they were one service.
 */
@Component
class InspectionStore {

    static final String ROUND_SELECT = """
            SELECT r.*, (SELECT COUNT(*) FROM inspection_finding f WHERE f.round_id = r.id) AS findings
            FROM inspection_round r""";
    static final String FINDING_SELECT = """
            SELECT f.*, (SELECT COUNT(*) FROM inspection_photo p WHERE p.owner_kind = 'FINDING' AND p.owner_id = f.id)
              AS photos FROM inspection_finding f""";
    static final String NOTICE_SELECT = """
            SELECT n.*, r.number AS round_number FROM rectification_notice n
              JOIN inspection_round r ON r.id = n.round_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CatalogService catalog;
    private final CurrentUser user;
    private final Clock clock;

    InspectionStore(NamedParameterJdbcTemplate jdbc, CatalogService catalog, CurrentUser user, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.user = user;
        this.clock = clock;
    }

    // --- reads -------------------------------------------------------------------------------------------------

    RoundRow round(long id) {
        return jdbc.query(ROUND_SELECT + " WHERE r.id = :id", Map.of("id", id), this::roundRow).stream().findFirst()
                .orElseThrow(() -> new RuleViolation("inspection.error.noRound"));
    }

    FindingRow finding(long id) {
        return jdbc.query(FINDING_SELECT + " WHERE f.id = :id", Map.of("id", id), this::findingRow).get(0);
    }

    List<FindingRow> findings(long roundId) {
        return jdbc.query(FINDING_SELECT + " WHERE f.round_id = :r ORDER BY f.id", Map.of("r", roundId),
                this::findingRow);
    }

    /** The findings on a notice the caller may read ({@link #notice} refuses another unit's clerk). */
    List<FindingRow> findingsOfNotice(long noticeId) {
        notice(noticeId);
        return jdbc.query(FINDING_SELECT + " WHERE f.notice_id = :n ORDER BY f.id", Map.of("n", noticeId),
                this::findingRow);
    }

    List<NoticeRow> notices(long roundId) {
        return jdbc.query(NOTICE_SELECT + " WHERE n.round_id = :r ORDER BY n.unit_code", Map.of("r", roundId),
                this::noticeRow);
    }

    /** One notice; a clerk asking for another unit's notice is refused. */
    NoticeRow notice(long id) {
        return jdbc.query(NOTICE_SELECT + " WHERE n.id = :id AND (:unit IS NULL OR n.unit_code = :unit)",
                scope().addValue("id", id), this::noticeRow).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("notice " + id));
    }

    String unitName(String code) {
        return code == null ? "" : catalog.unit(code).map(u -> u.name()).orElse(code);
    }

    /** A unit clerk's unit, or null for the city roles; a clerk with no unit sees nothing. */
    MapSqlParameterSource scope() {
        if (user.hasRole("UNIT_CLERK") && !user.hasRole("SUPERVISOR")) {
            return new MapSqlParameterSource("unit", user.unitCode().orElse("-none-"));
        }
        return new MapSqlParameterSource("unit", null);
    }

    // --- writes ------------------------------------------------------------------------------------------------

    /** Inserts a checked round under the next number of the day; the caller records the history and the audit. */
    long insertRound(NewRound r) {
        LocalDateTime now = now();
        String number = nextNumber("inspection_round", "JC" + InspectionService.DAY.format(now));
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO inspection_round (number, title, starts_on, ends_on, team, districts, place_types, places,
                  created_by, created_at) VALUES (:number, :title, :startsOn, :endsOn, :team, :districts, :types,
                  :places, :actor, :now)""", roundParams(r).addValue("number", number)
                .addValue("actor", user.username()).addValue("now", now), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    void checkRound(NewRound r) {
        if (r.title() == null || r.title().isBlank() || r.title().length() > 200) {
            throw new RuleViolation("inspection.error.title");
        }
        if (r.startsOn() == null || r.endsOn() == null || r.endsOn().isBefore(r.startsOn())) {
            throw new RuleViolation("inspection.error.dates");
        }
        if (r.team() == null || r.team().isBlank() || r.team().length() > 500) {
            throw new RuleViolation("inspection.error.team");
        }
        if (r.districtCodes() == null || r.districtCodes().isEmpty()) {
            throw new RuleViolation("inspection.error.districts");
        }
        for (String d : r.districtCodes()) {
            if (catalog.unit(d).isEmpty()) {
                throw new RuleViolation("inspection.error.district");
            }
        }
        if (r.placeTypes() == null || r.placeTypes().isEmpty()) {
            throw new RuleViolation("inspection.error.placeTypes");
        }
    }

    static MapSqlParameterSource roundParams(NewRound r) {
        return new MapSqlParameterSource("title", r.title().strip()).addValue("startsOn", r.startsOn())
                .addValue("endsOn", r.endsOn()).addValue("team", r.team().strip())
                .addValue("districts", String.join(",", new TreeSet<>(r.districtCodes())))
                .addValue("types", r.placeTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .addValue("places", blankToNull(r.places()));
    }

    String nextNumber(String table, String prefix) {
        String max = jdbc.queryForObject("SELECT MAX(number) FROM " + table + " WHERE number LIKE :p",
                Map.of("p", prefix + "%"), String.class);
        int next = max == null ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
        return prefix + String.format("%04d", next);
    }

    void savePhotos(String kind, long owner, List<PhotoUpload> photos, LocalDateTime now) {
        for (PhotoUpload p : photos) {
            jdbc.update("""
                    INSERT INTO inspection_photo (owner_kind, owner_id, file_name, content_type, size_bytes, data,
                      uploaded_by, uploaded_at) VALUES (:kind, :owner, :name, :type, :size, :data, :actor, :now)""",
                    new MapSqlParameterSource("kind", kind).addValue("owner", owner)
                            .addValue("name", p.fileName() == null ? "photo" : p.fileName())
                            .addValue("type", org.civitas.cases.photos.Photos.contentType(p.data()))
                            .addValue("size", p.data().length).addValue("data", p.data())
                            .addValue("actor", user.username()).addValue("now", now));
        }
    }

    void history(String type, long id, String action, String note) {
        jdbc.update("""
                INSERT INTO inspection_history (target_type, target_id, action, actor, at, note)
                VALUES (:type, :id, :action, :actor, :now, :note)""", new MapSqlParameterSource("type", type)
                .addValue("id", id).addValue("action", action).addValue("actor", user.username())
                .addValue("now", now()).addValue("note", note));
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- row mappers -------------------------------------------------------------------------------------------

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(s.split(",")));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, Collection<String> names) {
        return names.stream().map(n -> Enum.valueOf(type, n)).collect(Collectors.toCollection(TreeSet::new));
    }

    RoundRow roundRow(ResultSet rs, int i) throws SQLException {
        return new RoundRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("team"),
                split(rs.getString("districts")), enums(PlaceType.class, split(rs.getString("place_types"))),
                rs.getString("places"), rs.getLong("version"), rs.getInt("findings"));
    }

    FindingRow findingRow(ResultSet rs, int i) throws SQLException {
        Long notice = rs.getObject("notice_id", Long.class);
        return new FindingRow(rs.getLong("id"), rs.getLong("round_id"), rs.getString("item_code"),
                rs.getString("item_name"), PlaceType.valueOf(rs.getString("place_type")),
                rs.getString("district_code"), rs.getString("street_code"), rs.getString("address"),
                rs.getString("note"), rs.getString("unit_code"), FindingState.valueOf(rs.getString("state")),
                notice, rs.getString("case_number"), rs.getInt("photos"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getObject("position_accuracy_m", Integer.class));
    }

    NoticeRow noticeRow(ResultSet rs, int i) throws SQLException {
        return new NoticeRow(rs.getLong("id"), rs.getString("number"), rs.getLong("round_id"),
                rs.getString("round_number"), rs.getString("unit_code"), NoticeState.valueOf(rs.getString("state")),
                time(rs, "issued_at"), time(rs, "due_at"), time(rs, "current_due_at"), rs.getString("answer_text"),
                time(rs, "answered_at"), rs.getLong("version"));
    }

    private static LocalDateTime time(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toLocalDateTime();
    }
}
