package org.civitas.cases.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.CurrentUser;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.DeadlineCalculator;
import org.civitas.calendar.Deadlines;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDecided;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseDispatched;
import org.civitas.cases.CaseRef;
import org.civitas.cases.RequestKind;
import org.civitas.cases.intake.NewCase;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.dispatch.Assignment;
import org.civitas.dispatch.DispatchRules;
import org.civitas.geo.CityMap;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps the case services share: load the case the user saw ({@link CaseRef}) and refuse it if it changed or is
 * out of the user's scope, assign it with fresh deadlines, save it and answer with its details. No role checks here:
 * the public methods of {@link CaseService}, {@link CaseRequestService}, {@link DuplicateFinder} and
 * {@link SupervisionRecords} check the caller once, as when they were one service.
 */
@Component
class CaseSteps {

    private final CaseRepository cases;
    private final CaseStore store;
    private final CaseAccess access;
    private final CatalogService catalog;
    private final CalendarService calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseSteps(CaseRepository cases, CaseStore store, CaseAccess access, CatalogService catalog,
              CalendarService calendar, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    // --- loading and saving ------------------------------------------------------------------------------------

    /** The case the user saw, locked; refused if the user may not read it or it changed since. */
    CaseFile load(CaseRef ref) {
        CaseFile c = cases.findForUpdate(ref.id()).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        if (c.getVersion() != ref.version()) {
            throw new RuleViolation("case.error.changed", c.getNumber());
        }
        return c;
    }

    /** {@link #load}, and refused unless {@link CasePolicy} lets the user take {@code action} on it. */
    CaseFile loadFor(CaseRef ref, CaseAction action) {
        CaseFile c = load(ref);
        require(c, action);
        return c;
    }

    /**
     * Refuses the action unless {@link CasePolicy} allows it to the current user (unit scope and the action's own
     * condition; the state is {@link CaseFile}'s). {@code pending}: the case's requests awaiting a decision, for the
     * decisions on them.
     */
    void require(CaseFile c, CaseAction action, Set<RequestKind> pending) {
        CasePolicy.require(access.policyActor(), CasePolicy.Subject.of(c, pending), action);
    }

    void require(CaseFile c, CaseAction action) {
        require(c, action, Set.of());
    }

    /** The case's details if the user may read it (what {@link CaseService#get} answers). */
    CaseDetails read(long id) {
        CaseFile c = cases.findById(id).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        return details(c);
    }

    CaseDetails save(CaseFile c) {
        return details(store.save(c));
    }

    CaseDetails details(CaseFile c) {
        return CaseMapper.details(c, access.seesComplainant(), now());
    }

    /** A new case's details with its tracking code, for the registration's answer only. */
    CaseDetails registered(CaseFile c) {
        return CaseMapper.details(c, access.seesComplainant(), now(), true);
    }

    // --- dispatch ----------------------------------------------------------------------------------------------

    void assign(CaseFile c, CaseAction action, ItemView item, Assignment a, LocalDateTime now, String note) {
        Deadlines d = deadlinesFor(item, now);
        c.assign(action, refOf(item), a.leadUnitCode(), a.coUnitCodes(), d, access.actor(), now, note);
        events.publishEvent(new CaseDispatched(c.getId(), c.getNumber(), a.leadUnitCode(), a.coUnitCodes(),
                d.handleDueAt()));
    }

    /**
     * A new case from a validated report. With a known item whose rule finds a unit for the place it is dispatched
     * at once (系统分派: the system, not the operator) with its deadlines, before its first save, so a case is written
     * once; otherwise it waits in the classification queue. {@code item} is null for a report without one.
     */
    CaseFile newCase(String number, NewCase report, ItemView item, String actor, LocalDateTime now) {
        return newCase(number, report, item, actor, now, true);
    }

    /** {@code dispatch} false: the case keeps its item but waits undispatched (a report merged at intake). */
    CaseFile newCase(String number, NewCase report, ItemView item, String actor, LocalDateTime now,
                     boolean dispatch) {
        return newCase(number, report, item, actor, now, dispatch, CurrentUser.SYSTEM, null);
    }

    /**
     * {@code dispatchedBy} and {@code note}: who the dispatch row names and why — the system by the list, or the
     * classifier that chose the item of a report without one (with its model version and score, DD051).
     */
    CaseFile newCase(String number, NewCase report, ItemView item, String actor, LocalDateTime now,
                     boolean dispatch, String dispatchedBy, String note) {
        CaseFile c = new CaseFile(number, report, actor, now);
        if (report.latitude() == null || report.longitude() == null) {
            // the operator's form and channels without a point: the street's centre, else the district's
            CityMap.wuhan().centre(report.streetCode())
                    .or(() -> CityMap.wuhan().centre(report.districtCode()))
                    .ifPresent(p -> c.placeApproximately(coordinate(p.lat()), coordinate(p.lng())));
        }
        if (item != null && !dispatch) {
            c.classifyAtIntake(refOf(item));
        } else if (item != null) {
            DispatchRules.decide(item.responsibility(), item.leadUnitCode(), report.districtCode()).ifPresent(a ->
                    c.assign(CaseAction.DISPATCH, refOf(item), a.leadUnitCode(), a.coUnitCodes(),
                            deadlinesFor(item, now), dispatchedBy, now, note));
        }
        return c;
    }

    private static BigDecimal coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }

    /** The dispatch a new case got from {@link #newCase}, for its units' notices; empty while it waits. */
    static Optional<CaseDispatched> dispatchOf(CaseFile c) {
        return c.getDispatchedAt() == null ? Optional.empty() : Optional.of(new CaseDispatched(c.getId(),
                c.getNumber(), c.getLeadUnitCode(), Set.copyOf(c.getCoUnitCodes()), c.getHandleDueAt()));
    }

    Deadlines deadlinesFor(ItemView item, LocalDateTime now) {
        boolean emergency = "EMERGENCY".equals(item.urgency().name());
        return calculator().compute(now, item.timeLimit(), item.timeUnit(), emergency);
    }

    static ItemRef refOf(ItemView item) {
        return new ItemRef(item.id(), item.versionId(), item.code(), item.categoryCode(), item.urgency().name());
    }

    ItemView currentItem(String code, LocalDateTime now) {
        long version = catalog.currentVersion(now.toLocalDate()).id();
        return catalog.item(version, code).orElseThrow(() -> new RuleViolation("case.error.unknownItem", code));
    }

    /** The item in the version the case was dispatched under; the current one if it was never classified. */
    ItemView itemOf(CaseFile c) {
        if (c.getListVersionId() == null) {
            throw new RuleViolation("case.error.notClassified", c.getNumber());
        }
        return catalog.item(c.getListVersionId(), c.getItemCode())
                .orElseThrow(() -> new RuleViolation("case.error.unknownItem", c.getItemCode()));
    }

    void requireUnit(String unitCode) {
        if (unitCode == null || catalog.unit(unitCode).isEmpty()) {
            throw new RuleViolation("case.error.unknownUnit", unitCode);
        }
    }

    static String requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new RuleViolation("case.error.reasonRequired");
        }
        return note.trim();
    }

    void decided(CaseFile c, CaseAction action, String note) {
        events.publishEvent(new CaseDecided(c.getId(), c.getNumber(), c.getLeadUnitCode(), action, note,
                c.getHandleDueAt()));
    }

    DeadlineCalculator calculator() {
        return calendar.deadlineCalculator();
    }

    /** Now, to the microsecond the database keeps (DATETIME(6)): an answer shows a time as it reads back. */
    LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
