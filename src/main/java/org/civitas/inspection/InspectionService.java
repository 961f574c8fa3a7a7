package org.civitas.inspection;

import static org.civitas.inspection.InspectionStore.ROUND_SELECT;
import static org.civitas.inspection.InspectionStore.blankToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.dispatch.Assignment;
import org.civitas.dispatch.DispatchRules;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 实地检查: rounds and their findings (inspector), and a round's summary workbook. The rectification notices the
 * findings lead to are {@link NoticeService}'s. Every change appends an {@code inspection_history} row and publishes
 * an audit event in the same transaction.
 */
@Service
public class InspectionService {

    static final String INSPECTOR = "hasRole('INSPECTOR')";
    static final String READ_ROUNDS = "hasAnyRole('INSPECTOR','SUPERVISOR','LEADER')";
    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final NamedParameterJdbcTemplate jdbc;
    private final InspectionStore store;
    private final CatalogService catalog;
    private final CaseService cases;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final InspectionDocuments documents;

    InspectionService(NamedParameterJdbcTemplate jdbc, InspectionStore store, CatalogService catalog,
                      CaseService cases, CurrentUser user, ApplicationEventPublisher events,
                      InspectionDocuments documents) {
        this.jdbc = jdbc;
        this.store = store;
        this.catalog = catalog;
        this.cases = cases;
        this.user = user;
        this.events = events;
        this.documents = documents;
    }

    // --- rounds ------------------------------------------------------------------------------------------------

    @PreAuthorize(INSPECTOR)
    @Transactional
    public RoundRow createRound(NewRound r) {
        store.checkRound(r);
        long id = store.insertRound(r);
        store.history("ROUND", id, "CREATED", store.round(id).number());
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_ROUND_CREATED", "inspection_round", id,
                null, r.toString()));
        return store.round(id);
    }

    @PreAuthorize(INSPECTOR)
    @Transactional
    public RoundRow updateRound(long id, long expectedVersion, NewRound r) {
        store.checkRound(r);
        RoundRow before = store.round(id);
        int n = jdbc.update("""
                UPDATE inspection_round SET title = :title, starts_on = :startsOn, ends_on = :endsOn, team = :team,
                  districts = :districts, place_types = :types, places = :places, version = version + 1
                WHERE id = :id AND version = :version""", InspectionStore.roundParams(r).addValue("id", id)
                .addValue("version", expectedVersion));
        if (n == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
        store.history("ROUND", id, "UPDATED", null);
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_ROUND_UPDATED", "inspection_round", id,
                before.toString(), r.toString()));
        return store.round(id);
    }

    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<RoundRow> rounds() {
        return jdbc.query(ROUND_SELECT + " ORDER BY r.starts_on DESC, r.id DESC", Map.of(), store::roundRow);
    }

    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public RoundRow round(long id) {
        return store.round(id);
    }

    /** The caller's own rounds that are not over yet (they end today or later), newest first. */
    @PreAuthorize(INSPECTOR)
    @Transactional(readOnly = true)
    public List<RoundRow> myOpenRounds() {
        return jdbc.query(ROUND_SELECT + " WHERE r.created_by = :me AND r.ends_on >= :today"
                + " ORDER BY r.starts_on DESC, r.id DESC", Map.of("me", user.username(), "today",
                store.now().toLocalDate()), store::roundRow);
    }

    /** What the home page counts for the caller: see {@link InspectorWork}. */
    @PreAuthorize(INSPECTOR)
    @Transactional(readOnly = true)
    public InspectorWork myWork() {
        LocalDateTime now = store.now();
        var p = new MapSqlParameterSource("me", user.username()).addValue("now", now)
                .addValue("today", now.toLocalDate()).addValue("weekEnd", NoticeService.endOfWeek(now));
        return jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM inspection_round r WHERE r.created_by = :me AND r.ends_on >= :today),
                       COALESCE(SUM(n.state IN ('ISSUED','FAILED') AND n.current_due_at > :now
                                    AND n.current_due_at < :weekEnd), 0),
                       COALESCE(SUM(n.state IN ('ISSUED','FAILED') AND n.current_due_at <= :now), 0),
                       COALESCE(SUM(n.state = 'ANSWERED'), 0)
                FROM rectification_notice n JOIN inspection_round r ON r.id = n.round_id
                WHERE r.created_by = :me AND n.state IN ('ISSUED','FAILED','ANSWERED')""", p,
                (rs, i) -> new InspectorWork(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    // --- findings ----------------------------------------------------------------------------------------------

    /**
     * Records a finding. The unit answering for it comes from the dispatch rules (item + district), as for a case.
     * With {@code openCase} a case is registered on the INSPECTION channel in the same transaction.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public FindingRow recordFinding(long roundId, NewFinding f, List<PhotoUpload> photos) {
        store.round(roundId);
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
        checkPosition(f);
        LocalDateTime now = store.now();
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
                  address, note, unit_code, co_units, state, recorded_by, recorded_at, latitude, longitude,
                  position_accuracy_m)
                VALUES (:round, :item, :itemName, :type, :district, :street, :address, :note, :unit, :co, 'OPEN',
                  :actor, :now, :lat, :lng, :accuracy)""", new MapSqlParameterSource("round", roundId)
                .addValue("item", item.code()).addValue("lat", scaled(f.latitude()))
                .addValue("lng", scaled(f.longitude())).addValue("accuracy", f.accuracyMetres())
                .addValue("itemName", item.name()).addValue("type", f.placeType().name())
                .addValue("district", f.districtCode()).addValue("street", blankToNull(f.streetCode()))
                .addValue("address", f.address().strip()).addValue("note", blankToNull(f.note()))
                .addValue("unit", a.leadUnitCode()).addValue("co", String.join(",", new TreeSet<>(a.coUnitCodes())))
                .addValue("actor", user.username()).addValue("now", now), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        store.savePhotos("FINDING", id, photos, now);
        if (f.openCase()) {
            String description = item.name() + (f.note() == null || f.note().isBlank() ? "" : "：" + f.note());
            caseNumber = cases.register(new NewCase(Channel.INSPECTION, "F" + id, now, null, null, true,
                    f.districtCode(), blankToNull(f.streetCode()), f.address().strip(), scaled(f.latitude()),
                    scaled(f.longitude()), description,
                    item.code()), photos).number();
            jdbc.update("UPDATE inspection_finding SET case_number = :c WHERE id = :id",
                    Map.of("c", caseNumber, "id", id));
        }
        store.history("FINDING", id, "RECORDED", caseNumber);
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_FINDING_RECORDED", "inspection_finding",
                id, null, f.toString()));
        return store.finding(id);
    }

    /** Both coordinates or none, on the globe, with a radius that is not negative; bad input changes nothing. */
    private static void checkPosition(NewFinding f) {
        if ((f.latitude() == null) != (f.longitude() == null)
                || (f.latitude() == null && f.accuracyMetres() != null)
                || (f.latitude() != null && (f.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0
                        || f.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0))
                || (f.accuracyMetres() != null && f.accuracyMetres() < 0)) {
            throw new RuleViolation("inspection.error.position");
        }
    }

    /** The column's precision (about 0.1 m): a phone reports more digits than it means. */
    private static BigDecimal scaled(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(6, RoundingMode.HALF_UP);
    }

    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<FindingRow> findings(long roundId) {
        return store.findings(roundId);
    }

    // --- documents ---------------------------------------------------------------------------------------------

    /** The round's summary workbook: its findings and its notices. The download is audited. */
    @PreAuthorize(READ_ROUNDS)
    @Transactional
    public byte[] roundExcel(long roundId) {
        RoundRow round = store.round(roundId);
        List<NoticeRow> notices = store.notices(roundId);
        Map<Long, String> numbers = notices.stream().collect(Collectors.toMap(NoticeRow::id, NoticeRow::number));
        byte[] xlsx = documents.roundExcel(round, store.findings(roundId), notices, numbers, store::unitName);
        events.publishEvent(AuditEvent.of(user.username(), "INSPECTION_ROUND_EXPORTED", round.number()));
        return xlsx;
    }

    // --- plumbing ----------------------------------------------------------------------------------------------
}
