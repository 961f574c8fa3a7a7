package org.civitas.cases;

import static org.civitas.cases.CaseService.INTAKE;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate finder of every channel (DESIGN §3): open cases of the same item, received in the last
 * {@link #DUPLICATE_DAYS} days, at the same street and address or within {@link #DUPLICATE_METERS} m, offered to
 * the operator for merging.
 */
@Service
public class DuplicateFinder {

    static final int DUPLICATE_DAYS = 7;
    static final int DUPLICATE_METERS = 50;

    private final CaseRepository cases;
    private final CaseSteps steps;

    DuplicateFinder(CaseRepository cases, CaseSteps steps) {
        this.cases = cases;
        this.steps = steps;
    }

    /**
     * Open cases of the same item at the same street and address received in the last {@link #DUPLICATE_DAYS}
     * days: offered to the operator for merging before saving.
     */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<CaseDetails> possibleDuplicates(String itemCode, String streetCode, String address) {
        return possibleDuplicates(itemCode, streetCode, address, null, null);
    }

    /**
     * The duplicate finder of every channel (DESIGN §3): open cases of the same item, received in the last
     * {@link #DUPLICATE_DAYS} days, at the same street and address or, when the report has coordinates, within
     * {@link #DUPLICATE_METERS} m of it (a box of coordinates in SQL, then the exact distance). Newest first.
     */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<CaseDetails> possibleDuplicates(String itemCode, String streetCode, String address,
                                                BigDecimal latitude, BigDecimal longitude) {
        return duplicates(itemCode, streetCode, address, latitude, longitude, -1L);
    }

    /**
     * The possible duplicates of a registered open case, itself left out: what a report from a channel or the public
     * form (which shows the citizen nothing of other cases) offers the office for merging on the case view.
     */
    @PreAuthorize(INTAKE)
    @Transactional(readOnly = true)
    public List<CaseDetails> possibleDuplicatesOf(long caseId) {
        CaseFile c = cases.findById(caseId).orElseThrow(() -> new RuleViolation("case.error.noSuchCase", caseId));
        if (EnumSet.of(CaseStatus.CLOSED, CaseStatus.INVALID, CaseStatus.MERGED).contains(c.getStatus())) {
            return List.of();
        }
        return duplicates(c.getItemCode(), c.getStreetCode(), c.getAddress(), c.getLatitude(), c.getLongitude(),
                c.getId());
    }

    private List<CaseDetails> duplicates(String itemCode, String streetCode, String address, BigDecimal latitude,
                                         BigDecimal longitude, long exceptId) {
        if (itemCode == null || itemCode.isBlank()) {
            return List.of();
        }
        LocalDateTime since = steps.now().minusDays(DUPLICATE_DAYS);
        Map<Long, CaseFile> found = new LinkedHashMap<>();
        String street = streetCode == null || streetCode.isBlank() ? null : streetCode;
        if (address != null && !address.isBlank()) {
            cases.findPossibleDuplicates(itemCode, street, address.trim(), since, exceptId)
                    .forEach(c -> found.put(c.getId(), c));
        }
        if (latitude != null && longitude != null) {
            double lat = latitude.doubleValue();
            double lon = longitude.doubleValue();
            BigDecimal[] box = GeoDistance.box(lat, lon, DUPLICATE_METERS);
            cases.findOpenInBox(itemCode, box[0], box[1], box[2], box[3], since, exceptId).stream()
                    .filter(c -> GeoDistance.meters(lat, lon, c.getLatitude().doubleValue(),
                            c.getLongitude().doubleValue()) <= DUPLICATE_METERS)
                    .forEach(c -> found.putIfAbsent(c.getId(), c));
        }
        return found.values().stream().sorted(Comparator.comparing(CaseFile::getReceivedAt).reversed()
                        .thenComparing(CaseFile::getId, Comparator.reverseOrder()))
                .limit(20).map(steps::details).toList();
    }
}
