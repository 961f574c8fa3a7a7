package org.civitas.inspection;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.analysis.HotSpotRanking;
import org.civitas.analysis.HotSpotService;
import org.civitas.analysis.RankedSpot;
import org.civitas.analysis.SpotFilter;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.CurrentUser;
import org.civitas.cases.duplicates.AddressNormaliser;
import org.civitas.cases.photos.PhotoUpload;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 暗访计划 (docs/decisions/DD070): proposes the places of an unannounced round from the hot spots, turns an accepted
 * plan into a round with its checkpoints, and records the visits: a checkpoint becomes a finding, or is marked clear.
 * Inspectors and supervisors plan; visiting is the inspector's, as recording any finding is.
 */
@Service
public class InspectionPlanService {

    static final String PLANNERS = "hasAnyRole('INSPECTOR','SUPERVISOR')";
    static final int MAX_STOPS = 30;
    /** Next-ranked places offered for adding by hand, beyond the proposed stops. */
    static final int MORE = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final InspectionStore store;
    private final HotSpotService hotSpots;
    private final InspectionService inspections;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;

    InspectionPlanService(NamedParameterJdbcTemplate jdbc, InspectionStore store, HotSpotService hotSpots,
                          InspectionService inspections, CurrentUser user, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.hotSpots = hotSpots;
        this.inspections = inspections;
        this.user = user;
        this.events = events;
    }

    /** The top hot spots for the request in visiting order, each with the notices already issued at its place. */
    @PreAuthorize(PLANNERS)
    @Transactional(readOnly = true)
    public Proposal propose(PlanRequest r) {
        if (r.stops() < 1 || r.stops() > MAX_STOPS) {
            throw new RuleViolation("plan.error.stops", MAX_STOPS);
        }
        List<RankedSpot> ranked = hotSpots.rank(new SpotFilter(r.from(), r.to(), r.districtCodes(),
                r.categoryCodes(), r.stops() + MORE));
        List<PastNotice> past = pastNotices();
        List<PlanStop> all = ranked.stream().map(s -> new PlanStop(s, noticesAt(s, past))).toList();
        List<PlanStop> top = all.subList(0, Math.min(r.stops(), all.size()));
        return new Proposal(VisitOrder.order(top), List.copyOf(all.subList(top.size(), all.size())));
    }

    /**
     * Creates the round of an accepted plan: the round as entered (its districts widened to the stops' own), and
     * one checkpoint per stop in the order given. Audited as INSPECTION_ROUND_PLANNED.
     */
    @PreAuthorize(PLANNERS)
    @Transactional
    public RoundRow accept(NewRound round, List<PlanStop> stops) {
        if (stops == null || stops.isEmpty() || stops.size() > MAX_STOPS) {
            throw new RuleViolation("plan.error.stops", MAX_STOPS);
        }
        Set<String> districts = new TreeSet<>(round.districtCodes() == null ? Set.of() : round.districtCodes());
        stops.stream().map(s -> s.spot().districtCode()).filter(d -> d != null).forEach(districts::add);
        NewRound r = new NewRound(round.title(), round.startsOn(), round.endsOn(), round.team(), districts,
                round.placeTypes(), round.places() == null || round.places().isBlank() ? places(stops)
                        : round.places());
        store.checkRound(r);
        long id = store.insertRound(r);
        int seq = 0;
        for (PlanStop s : stops) {
            RankedSpot h = s.spot();
            jdbc.update("""
                    INSERT INTO inspection_checkpoint (round_id, seq, district_code, street_code, place, grid_cell,
                      latitude, longitude, item_code, item_name, case_count, repeat_complainants, dissatisfied,
                      overdue, rising, score, past_notices, state)
                    VALUES (:round, :seq, :district, :street, :place, :cell, :lat, :lon, :item, :itemName, :count,
                      :repeat, :dissatisfied, :overdue, :rising, :score, :past, 'PLANNED')""",
                    new MapSqlParameterSource("round", id).addValue("seq", ++seq)
                            .addValue("district", h.districtCode()).addValue("street", h.streetCode())
                            .addValue("place", cut(h.place(), 300)).addValue("cell", h.cell())
                            .addValue("lat", h.latitude()).addValue("lon", h.longitude())
                            .addValue("item", h.itemCode()).addValue("itemName", cut(h.itemName(), 200))
                            .addValue("count", h.count()).addValue("repeat", h.repeatComplainants())
                            .addValue("dissatisfied", h.dissatisfied()).addValue("overdue", h.overdue())
                            .addValue("rising", h.rising()).addValue("score", h.score())
                            .addValue("past", s.pastNotices().isEmpty() ? null
                                    : cut(String.join(",", s.pastNotices()), 500)));
        }
        store.history("ROUND", id, "PLANNED", stops.size() + "");
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_ROUND_PLANNED", "inspection_round", id,
                null, r + " " + stops.stream().map(s -> s.spot().key()).collect(Collectors.joining(";"))));
        return store.round(id);
    }

    @PreAuthorize(InspectionService.READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<CheckpointRow> checkpoints(long roundId) {
        return jdbc.query("SELECT * FROM inspection_checkpoint WHERE round_id = :r ORDER BY seq",
                Map.of("r", roundId), (rs, i) -> new CheckpointRow(rs.getLong("id"), rs.getLong("round_id"),
                        rs.getInt("seq"), rs.getString("district_code"), rs.getString("street_code"),
                        rs.getString("place"), rs.getBoolean("grid_cell"), decimal(rs.getBigDecimal("latitude")),
                        decimal(rs.getBigDecimal("longitude")), rs.getString("item_code"), rs.getString("item_name"),
                        rs.getInt("case_count"), rs.getInt("repeat_complainants"), rs.getInt("dissatisfied"),
                        rs.getInt("overdue"), rs.getInt("rising"), rs.getInt("score"), rs.getString("past_notices"),
                        CheckpointState.valueOf(rs.getString("state")), rs.getObject("finding_id", Long.class)));
    }

    /** A visit that found the problem: the finding is recorded in the checkpoint's round and the checkpoint points to it. */
    @PreAuthorize(InspectionService.INSPECTOR)
    @Transactional
    public FindingRow visit(long checkpointId, NewFinding f, List<PhotoUpload> photos) {
        CheckpointRow cp = planned(checkpointId);
        FindingRow finding = inspections.recordFinding(cp.roundId(), f, photos);
        mark(cp, CheckpointState.FOUND, finding.id());
        return finding;
    }

    /** A visit that found the place in order. */
    @PreAuthorize(InspectionService.INSPECTOR)
    @Transactional
    public CheckpointRow clear(long checkpointId) {
        CheckpointRow cp = planned(checkpointId);
        mark(cp, CheckpointState.CLEAR, null);
        events.publishEvent(AuditEvent.change(user.username(), "INSPECTION_CHECKPOINT_CLEARED",
                "inspection_round", cp.roundId(), null, cp.seq() + " " + cp.place()));
        return checkpoints(cp.roundId()).stream().filter(c -> c.id() == checkpointId).findFirst().orElseThrow();
    }

    private CheckpointRow planned(long checkpointId) {
        Long round = jdbc.query("SELECT round_id FROM inspection_checkpoint WHERE id = :id",
                Map.of("id", checkpointId), (rs, i) -> rs.getLong(1)).stream().findFirst()
                .orElseThrow(() -> new RuleViolation("plan.error.noCheckpoint"));
        CheckpointRow cp = checkpoints(round).stream().filter(c -> c.id() == checkpointId).findFirst().orElseThrow();
        if (cp.state() != CheckpointState.PLANNED) {
            throw new RuleViolation("plan.error.visited");
        }
        return cp;
    }

    private void mark(CheckpointRow cp, CheckpointState state, Long findingId) {
        LocalDateTime now = store.now();
        int n = jdbc.update("""
                UPDATE inspection_checkpoint SET state = :state, finding_id = :finding, visited_by = :actor,
                  visited_at = :now WHERE id = :id AND state = 'PLANNED'""", new MapSqlParameterSource("state",
                state.name()).addValue("finding", findingId).addValue("actor", user.username()).addValue("now", now)
                .addValue("id", cp.id()));
        if (n == 0) {
            throw new RuleViolation("plan.error.visited");
        }
        store.history("CHECKPOINT", cp.id(), state.name(), findingId == null ? null : String.valueOf(findingId));
    }

    // --- past notices ------------------------------------------------------------------------------------------

    private record PastNotice(String districtCode, String streetCode, String addressKey, String number) {
    }

    private List<PastNotice> pastNotices() {
        return jdbc.query("""
                SELECT f.district_code, f.street_code, f.address, n.number FROM inspection_finding f
                JOIN rectification_notice n ON n.id = f.notice_id ORDER BY n.issued_at DESC, n.id DESC""",
                Map.of(), (rs, i) -> new PastNotice(rs.getString(1), rs.getString(2),
                        HotSpotRanking.addressKey(AddressNormaliser.address(rs.getString(3))), rs.getString(4)));
    }

    /**
     * The notices issued for findings at the spot's place, whatever their item: the same district, the same street
     * where both name one, and the same road (a cell's road is that of the address most of its cases gave).
     */
    private static List<String> noticesAt(RankedSpot s, List<PastNotice> past) {
        String road = s.cell() ? HotSpotRanking.addressKey(AddressNormaliser.address(s.place())) : s.place();
        Set<String> numbers = new LinkedHashSet<>();
        for (PastNotice p : past) {
            if (!road.isEmpty() && road.equals(p.addressKey()) && same(s.districtCode(), p.districtCode())
                    && (s.streetCode() == null || p.streetCode() == null || s.streetCode().equals(p.streetCode()))) {
                numbers.add(p.number());
            }
        }
        return new ArrayList<>(numbers);
    }

    private static boolean same(String a, String b) {
        return a == null || a.equals(b);
    }

    private static String places(List<PlanStop> stops) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (PlanStop s : stops) {
            RankedSpot h = s.spot();
            b.append(++i).append(". ").append(h.streetName().isEmpty() ? h.districtName() : h.streetName())
                    .append(' ').append(h.place()).append('（').append(h.itemName()).append("）\n");
        }
        return b.toString().strip();
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static Double decimal(java.math.BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
