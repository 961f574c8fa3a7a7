package org.civitas.cases.lifecycle;

import static org.civitas.cases.lifecycle.CaseService.INTAKE;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.duplicates.DuplicateMatch;
import org.civitas.cases.duplicates.DuplicateRules;
import org.civitas.cases.duplicates.GeoDistance;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate finder of every channel (docs/decisions/DD048): open cases of the same item or category received in
 * the last
 * {@link #DUPLICATE_DAYS} days in the report's district, or within {@link #DUPLICATE_METERS} m of it, scored by
 * {@link DuplicateRules} (normalised address, description, distance) and offered to the operator for merging, best
 * first, with the score and its reasons.
 */
@Service
public class DuplicateFinder {

    static final int DUPLICATE_DAYS = 7;
    static final int DUPLICATE_METERS = DuplicateRules.NEAR_METERS;
    /** Candidates scored at most: the newest of the district's same-category cases in the window. */
    static final int CANDIDATES = 500;
    static final int SHOWN = 20;

    private final CaseRepository cases;
    private final CaseSteps steps;

    DuplicateFinder(CaseRepository cases, CaseSteps steps) {
        this.cases = cases;
        this.steps = steps;
    }

    /** {@link #matches} without district, description and coordinates, as cases only. */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<CaseDetails> possibleDuplicates(String itemCode, String streetCode, String address) {
        return possibleDuplicates(itemCode, streetCode, address, null, null);
    }

    /** {@link #matches} without district and description, as cases only. */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<CaseDetails> possibleDuplicates(String itemCode, String streetCode, String address,
                                                BigDecimal latitude, BigDecimal longitude) {
        return find(new Probe(itemCode, null, null, streetCode, address, null, latitude, longitude), -1L).stream()
                .map(DuplicateMatch::details).toList();
    }

    /**
     * The possible duplicates of a report being typed, best first: what the operator's form shows, with the score
     * and its reasons. Nothing without an item, or without an address or coordinates.
     */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<DuplicateMatch> matches(String itemCode, String districtCode, String streetCode, String address,
                                        String description, BigDecimal latitude, BigDecimal longitude) {
        return find(new Probe(itemCode, null, districtCode, streetCode, address, description, latitude, longitude), -1L);
    }

    /** {@link #matchesOf} as cases only. */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<CaseDetails> possibleDuplicatesOf(long caseId) {
        return matchesOf(caseId).stream().map(DuplicateMatch::details).toList();
    }

    /**
     * The possible duplicates of a registered open case, itself left out: what a report from a channel or the public
     * form (which shows the citizen nothing of other cases) offers the office for merging on the case view.
     */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<DuplicateMatch> matchesOf(long caseId) {
        CaseFile c = cases.findById(caseId).orElseThrow(() -> new RuleViolation("case.error.noSuchCase", caseId));
        if (c.getStatus().isFinal()) {
            return List.of();
        }
        return find(new Probe(c.getItemCode(), c.getCategoryCode(), c.getDistrictCode(), c.getStreetCode(), c.getAddress(),
                c.getDescription(), point(c, c.getLatitude()), point(c, c.getLongitude())), c.getId());
    }

    /** A district's or street's centre is not where the case happened: the 50 m rule must not read it. */
    private static BigDecimal point(CaseFile c, BigDecimal coordinate) {
        return c.isLocationApproximate() ? null : coordinate;
    }

    private record Probe(String itemCode, String categoryCode, String districtCode, String streetCode, String address,
                         String description, BigDecimal latitude, BigDecimal longitude) {
    }

    private List<DuplicateMatch> find(Probe p, long exceptId) {
        boolean hasAddress = p.address() != null && !p.address().isBlank();
        boolean hasPoint = p.latitude() != null && p.longitude() != null;
        if (p.itemCode() == null || p.itemCode().isBlank() || !hasAddress && !hasPoint) {
            return List.of();
        }
        LocalDateTime now = steps.now();
        LocalDateTime since = now.minusDays(DUPLICATE_DAYS);
        String category = p.categoryCode() != null ? p.categoryCode() : categoryOf(p.itemCode(), now);
        String district = blankToNull(p.districtCode());
        Map<Long, CaseFile> found = new LinkedHashMap<>();
        if (hasAddress) {
            cases.findDuplicateCandidates(p.itemCode(), category, district, since, exceptId, PageRequest.of(0, CANDIDATES))
                    .forEach(c -> found.put(c.getId(), c));
        }
        if (hasPoint) {
            BigDecimal[] box = GeoDistance.box(p.latitude().doubleValue(), p.longitude().doubleValue(),
                    DUPLICATE_METERS);
            cases.findCandidatesInBox(p.itemCode(), category, box[0], box[1], box[2], box[3], since, exceptId)
                    .forEach(c -> found.putIfAbsent(c.getId(), c));
        }
        DuplicateRules.Report report = new DuplicateRules.Report(p.itemCode(), category, district,
                blankToNull(p.streetCode()), p.address(), p.description(), decimal(p.latitude()),
                decimal(p.longitude()));
        record Scored(CaseFile c, DuplicateRules.Score s) {
        }
        return found.values().stream()
                .flatMap(c -> DuplicateRules.score(report, reportOf(c)).map(s -> new Scored(c, s)).stream())
                .sorted(Comparator.comparingInt((Scored x) -> x.s().score()).reversed()
                        .thenComparing(x -> x.c().getReceivedAt(), Comparator.reverseOrder())
                        .thenComparing(x -> x.c().getId(), Comparator.reverseOrder()))
                .limit(SHOWN)
                .map(x -> new DuplicateMatch(steps.details(x.c()), x.s().score(), x.s().reasons()))
                .toList();
    }

    /** The item's category in the current list; null for an item the list no longer has (the item alone counts). */
    private String categoryOf(String itemCode, LocalDateTime now) {
        try {
            return steps.currentItem(itemCode, now).categoryCode();
        } catch (RuleViolation unknown) {
            return null;
        }
    }

    static DuplicateRules.Report reportOf(CaseFile c) {
        return new DuplicateRules.Report(c.getItemCode(), c.getCategoryCode(), c.getDistrictCode(),
                c.getStreetCode(), c.getAddress(), c.getDescription(), decimal(point(c, c.getLatitude())),
                decimal(point(c, c.getLongitude())));
    }

    private static Double decimal(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
