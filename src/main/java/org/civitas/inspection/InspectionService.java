package org.civitas.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.LimitUnit;
import org.civitas.cases.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.NewCase;
import org.civitas.cases.PhotoUpload;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.dispatch.Assignment;
import org.civitas.dispatch.DispatchRules;
import org.civitas.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 实地检查: rounds and findings (inspector), rectification notices per unit and round (issued by the inspector,
 * answered by the unit's clerk), re-inspections. Clerks are scoped to their unit in every query. Every change
 * appends an {@code inspection_history} row and publishes an audit event in the same transaction.
 */
@Service
public class InspectionService {

    static final String INSPECTOR = "hasRole('INSPECTOR')";
    static final String READ_ROUNDS = "hasAnyRole('INSPECTOR','SUPERVISOR','LEADER')";
    static final String READ_NOTICES = "hasAnyRole('INSPECTOR','SUPERVISOR','LEADER','UNIT_CLERK')";
    static final String CLERK = "hasRole('UNIT_CLERK')";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final NamedParameterJdbcTemplate jdbc;
    private final CatalogService catalog;
    private final CalendarService calendar;
    private final CaseService cases;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InspectionDocuments documents;
    private final int noticeDays;
    private final int redoDays;

    InspectionService(NamedParameterJdbcTemplate jdbc, CatalogService catalog, CalendarService calendar,
                      CaseService cases, CurrentUser user, ApplicationEventPublisher events, Clock clock,
                      InspectionDocuments documents,
                      @Value("${civitas.inspection.notice-working-days:5}") int noticeDays,
                      @Value("${civitas.inspection.redo-working-days:5}") int redoDays) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.calendar = calendar;
        this.cases = cases;
        this.user = user;
        this.events = events;
        this.clock = clock;
        this.documents = documents;
        this.noticeDays = noticeDays;
        this.redoDays = redoDays;
    }

    // --- rounds ------------------------------------------------------------------------------------------------

    @PreAuthorize(INSPECTOR)
    @Transactional
    public RoundRow createRound(NewRound r) {
        check(r);
        LocalDateTime now = now();
        String number = nextNumber("inspection_round", "JC" + DAY.format(now));
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO inspection_round (number, title, starts_on, ends_on, team, districts, place_types, places,
                  created_by, created_at) VALUES (:number, :title, :startsOn, :endsOn, :team, :districts, :types,
                  :places, :actor, :now)""", roundParams(r).addValue("number", number)
                .addValue("actor", user.username()).addValue("now", now), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        history("ROUND", id, "CREATED", number);
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_ROUND_CREATED", "inspection_round", id,
                null, r.toString()));
        return round(id);
    }

    @PreAuthorize(INSPECTOR)
    @Transactional
    public RoundRow updateRound(long id, long expectedVersion, NewRound r) {
        check(r);
        RoundRow before = round(id);
        int n = jdbc.update("""
                UPDATE inspection_round SET title = :title, starts_on = :startsOn, ends_on = :endsOn, team = :team,
                  districts = :districts, place_types = :types, places = :places, version = version + 1
                WHERE id = :id AND version = :version""", roundParams(r).addValue("id", id)
                .addValue("version", expectedVersion));
        if (n == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
        history("ROUND", id, "UPDATED", null);
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_ROUND_UPDATED", "inspection_round", id,
                before.toString(), r.toString()));
        return round(id);
    }

    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<RoundRow> rounds() {
        return jdbc.query(ROUND_SELECT + " ORDER BY r.starts_on DESC, r.id DESC", Map.of(), this::roundRow);
    }

    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public RoundRow round(long id) {
        return jdbc.query(ROUND_SELECT + " WHERE r.id = :id", Map.of("id", id), this::roundRow).stream().findFirst()
                .orElseThrow(() -> new RuleViolation("inspection.error.noRound"));
    }

    // --- findings ----------------------------------------------------------------------------------------------

    /**
     * Records a finding. The unit answering for it comes from the dispatch rules (item + district), as for a case.
     * With {@code openCase} a case is registered on the INSPECTION channel in the same transaction.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public FindingRow recordFinding(long roundId, NewFinding f, List<PhotoUpload> photos) {
        round(roundId);
        if (f.placeType() == null) {
            throw new RuleViolation("inspection.error.placeType");
        }
        if (f.districtCode() == null || catalog.unit(f.districtCode()).isEmpty()) {
            throw new RuleViolation("inspection.error.district");
        }
        if (f.address() == null || f.address().isBlank() || f.address().length() > 300) {
            throw new RuleViolation("inspection.error.address");
        }
        InspectionPhotos.check(photos);
        LocalDateTime now = now();
        ItemView item = f.itemCode() == null ? null : catalog.item(
                catalog.currentVersion(now.toLocalDate()).id(), f.itemCode()).orElse(null);
        if (item == null) {
            throw new RuleViolation("inspection.error.item");
        }
        Assignment a = DispatchRules.decide(item.responsibility(), item.leadUnitCode(), f.districtCode())
                .orElseThrow(() -> new RuleViolation("inspection.error.noUnit"));
        String caseNumber = null;
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO inspection_finding (round_id, item_code, item_name, place_type, district_code, street_code,
                  address, note, unit_code, co_units, state, recorded_by, recorded_at)
                VALUES (:round, :item, :itemName, :type, :district, :street, :address, :note, :unit, :co, 'OPEN',
                  :actor, :now)""", new MapSqlParameterSource("round", roundId).addValue("item", item.code())
                .addValue("itemName", item.name()).addValue("type", f.placeType().name())
                .addValue("district", f.districtCode()).addValue("street", blankToNull(f.streetCode()))
                .addValue("address", f.address().strip()).addValue("note", blankToNull(f.note()))
                .addValue("unit", a.leadUnitCode()).addValue("co", String.join(",", new TreeSet<>(a.coUnitCodes())))
                .addValue("actor", user.username()).addValue("now", now), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        savePhotos("FINDING", id, photos, now);
        if (f.openCase()) {
            String description = item.name() + (f.note() == null || f.note().isBlank() ? "" : "：" + f.note());
            caseNumber = cases.register(new NewCase(Channel.INSPECTION, "F" + id, now, null, null, true,
                    f.districtCode(), blankToNull(f.streetCode()), f.address().strip(), null, null, description,
                    item.code()), photos).number();
            jdbc.update("UPDATE inspection_finding SET case_number = :c WHERE id = :id",
                    Map.of("c", caseNumber, "id", id));
        }
        history("FINDING", id, "RECORDED", caseNumber);
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_FINDING_RECORDED", "inspection_finding",
                id, null, f.toString()));
        return finding(id);
    }

    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<FindingRow> findings(long roundId) {
        return jdbc.query(FINDING_SELECT + " WHERE f.round_id = :r ORDER BY f.id", Map.of("r", roundId),
                this::findingRow);
    }

    /** The findings on a notice; a clerk reads only those of their own unit's notices. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public List<FindingRow> findingsOfNotice(long noticeId) {
        notice(noticeId);
        return jdbc.query(FINDING_SELECT + " WHERE f.notice_id = :n ORDER BY f.id", Map.of("n", noticeId),
                this::findingRow);
    }

    // --- notices -----------------------------------------------------------------------------------------------

    /**
     * 整改通知单: one per unit per round for the findings that have no notice yet, due after
     * {@code civitas.inspection.notice-working-days} working days on the working calendar. A second call adds the
     * later findings of a unit to its notice of the round only while it is still unanswered; otherwise refused.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public List<NoticeRow> issueNotices(long roundId) {
        RoundRow round = round(roundId);
        List<FindingRow> open = findings(roundId).stream().filter(f -> f.noticeId() == null).toList();
        if (open.isEmpty()) {
            throw new RuleViolation("inspection.error.nothingToIssue");
        }
        LocalDateTime now = now();
        LocalDateTime due = calendar.deadlineCalculator().handleDue(now, noticeDays, LimitUnit.WORKING_DAYS);
        Map<String, List<FindingRow>> byUnit = open.stream()
                .collect(Collectors.groupingBy(FindingRow::unitCode, LinkedHashMap::new, Collectors.toList()));
        for (var e : byUnit.entrySet()) {
            Long existing = jdbc.query("SELECT id, state FROM rectification_notice WHERE round_id = :r AND unit_code = :u",
                    Map.of("r", roundId, "u", e.getKey()), rs -> rs.next()
                            ? (NoticeState.valueOf(rs.getString("state")) == NoticeState.ISSUED ? rs.getLong("id") : -1L)
                            : null);
            if (existing != null && existing < 0) {
                throw new RuleViolation("inspection.error.noticeAnswered", e.getKey());
            }
            long noticeId;
            if (existing == null) {
                String number = nextNumber("rectification_notice", "ZG" + DAY.format(now));
                var keys = new GeneratedKeyHolder();
                jdbc.update("""
                        INSERT INTO rectification_notice (number, round_id, unit_code, state, issued_at, due_at,
                          current_due_at) VALUES (:number, :r, :u, 'ISSUED', :now, :due, :due)""",
                        new MapSqlParameterSource("number", number).addValue("r", roundId).addValue("u", e.getKey())
                                .addValue("now", now).addValue("due", due), keys, new String[] {"id"});
                noticeId = keys.getKey().longValue();
                history("NOTICE", noticeId, "ISSUED", round.number());
                events.publishEvent(new NoticeIssued(noticeId, number, e.getKey(), due));
                events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_NOTICE_ISSUED",
                        "rectification_notice", noticeId, null, number + " " + e.getKey() + " " + due));
            } else {
                noticeId = existing;
                history("NOTICE", noticeId, "FINDINGS_ADDED", null);
            }
            jdbc.update("UPDATE inspection_finding SET notice_id = :n WHERE id IN (:ids)", new MapSqlParameterSource(
                    "n", noticeId).addValue("ids", e.getValue().stream().map(FindingRow::id).toList()));
        }
        return notices(roundId);
    }

    /** The notices of a round (inspector, supervisor, leader). */
    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<NoticeRow> notices(long roundId) {
        return jdbc.query(NOTICE_SELECT + " WHERE n.round_id = :r ORDER BY n.unit_code", Map.of("r", roundId),
                this::noticeRow);
    }

    /** Every notice, newest first; a unit clerk sees only their own unit's, by the query. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public List<NoticeRow> notices() {
        return jdbc.query(NOTICE_SELECT + " WHERE (:unit IS NULL OR n.unit_code = :unit) ORDER BY n.issued_at DESC,"
                + " n.id DESC LIMIT 500", scope(), this::noticeRow);
    }

    /** One notice; a clerk asking for another unit's notice is refused. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public NoticeRow notice(long id) {
        return jdbc.query(NOTICE_SELECT + " WHERE n.id = :id AND (:unit IS NULL OR n.unit_code = :unit)",
                scope().addValue("id", id), this::noticeRow).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("notice " + id));
    }

    /** Overdue notices (for the deadline board), scoped like {@link #notices()}. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public long overdueCount() {
        Long n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM rectification_notice n WHERE n.state IN ('ISSUED','FAILED')
                  AND n.current_due_at <= :now AND (:unit IS NULL OR n.unit_code = :unit)""",
                scope().addValue("now", now()), Long.class);
        return n == null ? 0 : n;
    }

    /** The unit's clerk says what was done, with photos. Allowed while issued or after a failed re-inspection. */
    @PreAuthorize(CLERK)
    @Transactional
    public NoticeRow answer(long noticeId, long expectedVersion, String text, List<PhotoUpload> photos) {
        NoticeRow n = notice(noticeId);
        if (n.state() != NoticeState.ISSUED && n.state() != NoticeState.FAILED) {
            throw new RuleViolation("notice.error.notOpen");
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new RuleViolation("notice.error.answerText");
        }
        InspectionPhotos.check(photos);
        LocalDateTime now = now();
        int changed = jdbc.update("""
                UPDATE rectification_notice SET state = 'ANSWERED', answer_text = :text, answered_by = :actor,
                  answered_at = :now, first_answered_at = COALESCE(first_answered_at, :now), version = version + 1
                WHERE id = :id AND version = :version AND unit_code = :unit""", new MapSqlParameterSource("id", noticeId)
                .addValue("text", text.strip()).addValue("actor", user.username()).addValue("now", now)
                .addValue("version", expectedVersion).addValue("unit", n.unitCode()));
        if (changed == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
        savePhotos("ANSWER", noticeId, photos, now);
        history("NOTICE", noticeId, "ANSWERED", text.strip());
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_NOTICE_ANSWERED",
                "rectification_notice", noticeId, n.state().name(), NoticeState.ANSWERED.name()));
        return notice(noticeId);
    }

    /**
     * 回访检查: pass or fail for each open finding of the notice. All passed → PASSED; any failed → FAILED, the failed
     * findings stay open and the notice gets a new deadline of {@code civitas.inspection.redo-working-days} working
     * days. Only an answered notice, or one whose deadline passed, is re-inspected.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public NoticeRow reinspect(long noticeId, long expectedVersion, Map<Long, Boolean> passed, String note) {
        NoticeRow n = notice(noticeId);
        LocalDateTime now = now();
        if (n.state() != NoticeState.ANSWERED && !n.overdue(now)) {
            throw new RuleViolation("notice.error.notAnswered");
        }
        Set<Long> open = findingsOfNotice(noticeId).stream().filter(f -> f.state() != FindingState.PASSED)
                .map(FindingRow::id).collect(Collectors.toSet());
        if (!passed.keySet().equals(open)) {
            throw new RuleViolation("notice.error.everyFinding");
        }
        boolean allPassed = passed.values().stream().allMatch(Boolean::booleanValue);
        LocalDateTime newDue = allPassed ? n.currentDueAt()
                : calendar.deadlineCalculator().handleDue(now, redoDays, LimitUnit.WORKING_DAYS);
        int changed = jdbc.update("""
                UPDATE rectification_notice SET state = :state, current_due_at = :due, overdue_notified_at = NULL,
                  failed_at = CASE WHEN :failed THEN COALESCE(failed_at, :now) ELSE failed_at END,
                  version = version + 1 WHERE id = :id AND version = :version""",
                new MapSqlParameterSource("id", noticeId).addValue("version", expectedVersion)
                        .addValue("state", allPassed ? "PASSED" : "FAILED").addValue("due", newDue)
                        .addValue("failed", !allPassed).addValue("now", now));
        if (changed == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
        passed.forEach((id, ok) -> jdbc.update("""
                UPDATE inspection_finding SET state = :state, reinspected_by = :actor, reinspected_at = :now,
                  reinspection_note = :note WHERE id = :id""", new MapSqlParameterSource("id", id)
                .addValue("state", ok ? "PASSED" : "FAILED").addValue("actor", user.username())
                .addValue("now", now).addValue("note", blankToNull(note))));
        history("NOTICE", noticeId, allPassed ? "PASSED" : "FAILED", note);
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_REINSPECTED", "rectification_notice",
                noticeId, n.state().name(), allPassed ? "PASSED" : "FAILED"));
        return notice(noticeId);
    }

    /**
     * Marks notices whose deadline in force passed without an answer, once, and tells their units. Run by
     * {@link NoticeSweep}; open to the system (no user).
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public int sweepOverdue() {
        LocalDateTime now = now();
        List<NoticeRow> late = jdbc.query(NOTICE_SELECT + " " + """
                 WHERE n.state IN ('ISSUED','FAILED') AND n.current_due_at <= :now AND n.overdue_notified_at IS NULL
                 ORDER BY n.id LIMIT 500 FOR UPDATE""", Map.of("now", now), this::noticeRow);
        for (NoticeRow n : late) {
            jdbc.update("UPDATE rectification_notice SET overdue_notified_at = :now WHERE id = :id",
                    Map.of("now", now, "id", n.id()));
            history("NOTICE", n.id(), "OVERDUE", null);
            events.publishEvent(new NoticeOverdue(n.id(), n.number(), n.unitCode(), n.currentDueAt()));
        }
        return late.size();
    }

    // --- documents ---------------------------------------------------------------------------------------------

    /** The notice to print and sign (PDF); a clerk gets only their own unit's. The download is audited. */
    @PreAuthorize(READ_NOTICES)
    @Transactional
    public byte[] noticePdf(long noticeId) {
        NoticeRow n = notice(noticeId);
        RoundRow round = jdbc.query(ROUND_SELECT + " WHERE r.id = :id", Map.of("id", n.roundId()), this::roundRow)
                .get(0);
        byte[] pdf = documents.noticePdf(n, round, findingsOfNotice(noticeId), this::unitName);
        events.publishEvent(AuditEvent.of(user.username(), "RECTIFICATION_NOTICE_DOWNLOADED", n.number()));
        return pdf;
    }

    /** The round's summary workbook: its findings and its notices. The download is audited. */
    @PreAuthorize(READ_ROUNDS)
    @Transactional
    public byte[] roundExcel(long roundId) {
        RoundRow round = round(roundId);
        List<NoticeRow> notices = notices(roundId);
        Map<Long, String> numbers = notices.stream().collect(Collectors.toMap(NoticeRow::id, NoticeRow::number));
        byte[] xlsx = documents.roundExcel(round, findings(roundId), notices, numbers, this::unitName);
        events.publishEvent(AuditEvent.of(user.username(), "INSPECTION_ROUND_EXPORTED", round.number()));
        return xlsx;
    }

    private String unitName(String code) {
        return code == null ? "" : catalog.unit(code).map(u -> u.name()).orElse(code);
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private static final String ROUND_SELECT = """
            SELECT r.*, (SELECT COUNT(*) FROM inspection_finding f WHERE f.round_id = r.id) AS findings
            FROM inspection_round r""";
    private static final String FINDING_SELECT = """
            SELECT f.*, (SELECT COUNT(*) FROM inspection_photo p WHERE p.owner_kind = 'FINDING' AND p.owner_id = f.id)
              AS photos FROM inspection_finding f""";
    private static final String NOTICE_SELECT = """
            SELECT n.*, r.number AS round_number FROM rectification_notice n
              JOIN inspection_round r ON r.id = n.round_id""";

    private FindingRow finding(long id) {
        return jdbc.query(FINDING_SELECT + " WHERE f.id = :id", Map.of("id", id), this::findingRow).get(0);
    }

    /** A unit clerk's unit, or null for the city roles; a clerk with no unit sees nothing. */
    private MapSqlParameterSource scope() {
        if (user.hasRole("UNIT_CLERK") && !user.hasRole("SUPERVISOR")) {
            return new MapSqlParameterSource("unit", user.unitCode().orElse("-none-"));
        }
        return new MapSqlParameterSource("unit", null);
    }

    private void check(NewRound r) {
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

    private static MapSqlParameterSource roundParams(NewRound r) {
        return new MapSqlParameterSource("title", r.title().strip()).addValue("startsOn", r.startsOn())
                .addValue("endsOn", r.endsOn()).addValue("team", r.team().strip())
                .addValue("districts", String.join(",", new TreeSet<>(r.districtCodes())))
                .addValue("types", r.placeTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .addValue("places", blankToNull(r.places()));
    }

    private String nextNumber(String table, String prefix) {
        String max = jdbc.queryForObject("SELECT MAX(number) FROM " + table + " WHERE number LIKE :p",
                Map.of("p", prefix + "%"), String.class);
        int next = max == null ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
        return prefix + String.format("%04d", next);
    }

    private void savePhotos(String kind, long owner, List<PhotoUpload> photos, LocalDateTime now) {
        for (PhotoUpload p : photos) {
            jdbc.update("""
                    INSERT INTO inspection_photo (owner_kind, owner_id, file_name, content_type, size_bytes, data,
                      uploaded_by, uploaded_at) VALUES (:kind, :owner, :name, :type, :size, :data, :actor, :now)""",
                    new MapSqlParameterSource("kind", kind).addValue("owner", owner)
                            .addValue("name", p.fileName() == null ? "photo" : p.fileName())
                            .addValue("type", org.civitas.cases.Photos.contentType(p.data()))
                            .addValue("size", p.data().length).addValue("data", p.data())
                            .addValue("actor", user.username()).addValue("now", now));
        }
    }

    private void history(String type, long id, String action, String note) {
        jdbc.update("""
                INSERT INTO inspection_history (target_type, target_id, action, actor, at, note)
                VALUES (:type, :id, :action, :actor, :now, :note)""", new MapSqlParameterSource("type", type)
                .addValue("id", id).addValue("action", action).addValue("actor", user.username())
                .addValue("now", now()).addValue("note", note));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(s.split(",")));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, Collection<String> names) {
        return names.stream().map(n -> Enum.valueOf(type, n)).collect(Collectors.toCollection(TreeSet::new));
    }

    private RoundRow roundRow(ResultSet rs, int i) throws SQLException {
        return new RoundRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("team"),
                split(rs.getString("districts")), enums(PlaceType.class, split(rs.getString("place_types"))),
                rs.getString("places"), rs.getLong("version"), rs.getInt("findings"));
    }

    private FindingRow findingRow(ResultSet rs, int i) throws SQLException {
        Long notice = rs.getObject("notice_id", Long.class);
        return new FindingRow(rs.getLong("id"), rs.getLong("round_id"), rs.getString("item_code"),
                rs.getString("item_name"), PlaceType.valueOf(rs.getString("place_type")),
                rs.getString("district_code"), rs.getString("street_code"), rs.getString("address"),
                rs.getString("note"), rs.getString("unit_code"), FindingState.valueOf(rs.getString("state")),
                notice, rs.getString("case_number"), rs.getInt("photos"));
    }

    private NoticeRow noticeRow(ResultSet rs, int i) throws SQLException {
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
