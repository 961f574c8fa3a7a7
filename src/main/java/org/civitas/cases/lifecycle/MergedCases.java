package org.civitas.cases.lifecycle;

import static org.civitas.cases.lifecycle.CaseService.CITY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.cases.CaseReplyAccepted;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.MergedCase;
import org.civitas.cases.MergedCaseAnswered;
import org.civitas.cases.PhoneMask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports merged into a case (docs/decisions/DD048: "a merged case follows its master and its complainant is
 * told the
 * master's outcome"). A master that was itself merged later passes its own merged reports on: they follow the last
 * master, so the list and the SMS reach them too.
 */
@Service
public class MergedCases {

    /** A chain of masters this long is a loop or a mistake, not a city's practice. */
    static final int MAX_DEPTH = 10;

    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final ApplicationEventPublisher events;

    MergedCases(CaseRepository cases, CaseAccess access, CaseSteps steps, ApplicationEventPublisher events) {
        this.cases = cases;
        this.access = access;
        this.steps = steps;
        this.events = events;
    }

    /** The reports merged into the case, oldest first; the complainants masked as the user must see them. */
    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public List<MergedCase> of(long masterId) {
        steps.read(masterId);
        boolean masked = !access.seesComplainant();
        Map<Long, String> numbers = new HashMap<>();
        List<MergedCase> out = new ArrayList<>();
        for (CaseFile c : followers(masterId)) {
            numbers.put(c.getId(), c.getNumber());
            String via = c.getMasterCaseId() == masterId ? null : numbers.get(c.getMasterCaseId());
            out.add(new MergedCase(c.getId(), c.getNumber(), c.getReceivedAt(), c.getChannel(),
                    masked ? null : c.getComplainantName(),
                    masked ? PhoneMask.mask(c.getComplainantPhone()) : c.getComplainantPhone(), c.isAnonymous(),
                    masked, via));
        }
        return out;
    }

    /** The master's accepted reply answers its merged reports too: their complainants get the same SMS. */
    @EventListener
    void on(CaseReplyAccepted e) {
        for (CaseFile c : followers(e.caseId())) {
            tell(c, e.number());
        }
    }

    /**
     * A report just merged into a master whose reply was accepted already: its complainant is told now, as the
     * others were then.
     */
    void merged(CaseFile report, CaseFile master) {
        if (master.getStatus() == CaseStatus.REPLIED && master.isReplyAccepted()) {
            tell(report, master.getNumber());
            followers(report.getId()).forEach(c -> tell(c, master.getNumber()));
        }
    }

    private void tell(CaseFile c, String masterNumber) {
        events.publishEvent(new MergedCaseAnswered(c.getId(), c.getNumber(), masterNumber, c.getComplainantPhone(),
                c.getTrackingCode()));
    }

    /** Every report merged into the case, directly or through a master merged into it, in merging order. */
    List<CaseFile> followers(long masterId) {
        List<CaseFile> all = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(masterId));
        List<Long> level = List.of(masterId);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<Long> next = new ArrayList<>();
            for (CaseFile c : cases.findMergedInto(level)) {
                if (seen.add(c.getId())) {
                    all.add(c);
                    next.add(c.getId());
                }
            }
            level = next;
        }
        return all;
    }
}
