package org.civitas.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.DeadlineCalculator;
import org.civitas.calendar.Deadlines;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.dispatch.Assignment;
import org.civitas.dispatch.DispatchRules;
import org.civitas.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of a case (DESIGN §3): registration with automatic dispatch, unit handling, supervisor decisions.
 * Each method loads the case the user saw ({@link CaseRef}), refuses it if it changed since, checks the user's
 * scope, applies one transition and saves the case with its history in one transaction.
 */
@Service
public class CaseService {

    static final String CITY = "hasAnyRole('OPERATOR','SUPERVISOR','UNIT_CLERK','INSPECTOR','LEADER')";
    static final String INTAKE = "hasAnyRole('OPERATOR','SUPERVISOR')";
    /** The inspection team opens cases from its findings (channel INSPECTION). */
    static final String INTAKE_OR_INSPECTION = "hasAnyRole('OPERATOR','SUPERVISOR','INSPECTOR')";
    static final String SUPERVISOR = "hasRole('SUPERVISOR')";
    static final String CLERK = "hasRole('UNIT_CLERK')";
    static final int DUPLICATE_DAYS = 7;
    static final int DUPLICATE_METERS = 50;

    private final CaseRepository cases;
    private final CaseStore store;
    private final CaseNumbers numbers;
    private final CaseHistoryRepository history;
    private final CaseRequestRepository requests;
    private final CaseAccess access;
    private final CaseQueries queries;
    private final CaseLookups lookups;
    private final CasePhotoRepository photos;
    private final CatalogService catalog;
    private final CalendarService calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseStore store, CaseNumbers numbers, CaseHistoryRepository history,
                CaseRequestRepository requests, CaseAccess access, CaseQueries queries, CaseLookups lookups,
                CasePhotoRepository photos, CatalogService catalog, CalendarService calendar,
                ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.numbers = numbers;
        this.history = history;
        this.requests = requests;
        this.access = access;
        this.queries = queries;
        this.lookups = lookups;
        this.photos = photos;
        this.catalog = catalog;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    // --- registration ------------------------------------------------------------------------------------------

    /**
     * Registers a report. With a known item and place it is dispatched at once (系统分派); otherwise it waits in
     * the classification queue. The same channel id twice returns the case registered the first time.
     */
    @PreAuthorize(INTAKE)
    @Transactional
    public CaseDetails register(NewCase report) {
        return register(report, List.of());
    }

    @PreAuthorize(INTAKE_OR_INSPECTION)
    @Transactional
    public CaseDetails register(NewCase report, List<PhotoUpload> photoUploads) {
        return registerAs(report, photoUploads, access.actor());
    }

    /**
     * The registration itself, for {@link #register} and {@link CitizenCases} (a citizen or a channel system, who
     * are no staff user): the caller has checked who may register; {@code actor} goes into the history.
     */
    CaseDetails registerAs(NewCase raw, List<PhotoUpload> photoUploads, String actor) {
        return fileAs(raw, photoUploads, actor).details();
    }

    /** A registration's outcome: the case, and whether it is new (false: the channel's id was filed before). */
    record Filed(CaseDetails details, boolean created) {
    }

    /** {@link #registerAs}, telling a new case from one the channel filed before under the same id. */
    Filed fileAs(NewCase raw, List<PhotoUpload> photoUploads, String actor) {
        NewCase report = raw == null ? null : raw.normalized();
        if (report == null) {
            throw new RuleViolation("case.error.channelRequired");
        }
        CaseValidation.check(report, catalog);
        Photos.check(photoUploads);
        if (report.channelRef() != null) {
            var existing = lookups.idOfChannelRef(report.channel(), report.channelRef());
            if (existing.isPresent()) {
                return new Filed(details(cases.findById(existing.get()).orElseThrow()), false);
            }
        }
        LocalDateTime now = now();
        ItemView item = null;
        Optional<Assignment> assignment = Optional.empty();
        if (report.itemCode() != null && !report.itemCode().isBlank()) {
            item = currentItem(report.itemCode(), now);
            assignment = DispatchRules.decide(item.responsibility(), item.leadUnitCode(), report.districtCode());
        }
        CaseFile c = new CaseFile(numbers.next(now.toLocalDate()), report, actor, now);
        Deadlines deadlines = null;
        if (assignment.isPresent()) {
            // 系统分派: the system, not the operator, dispatched it — before the first save, so a case is written once
            deadlines = deadlinesFor(item, now);
            c.assign(CaseAction.DISPATCH, refOf(item), assignment.get().leadUnitCode(),
                    assignment.get().coUnitCodes(), deadlines, CurrentUser.SYSTEM, now, null);
        }
        c = store.save(c);
        for (PhotoUpload p : photoUploads) {
            photos.save(new CasePhoto(c.getId(), PhotoKind.REPORT, p, actor, now));
        }
        if (deadlines != null) {
            events.publishEvent(new CaseDispatched(c.getId(), c.getNumber(), c.getLeadUnitCode(),
                    assignment.get().coUnitCodes(), deadlines.handleDueAt()));
        }
        events.publishEvent(new CaseRegistered(c.getId(), c.getNumber(), c.getStatus(), c.getLeadUnitCode()));
        return new Filed(details(c), true);
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
        LocalDateTime since = now().minusDays(DUPLICATE_DAYS);
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
                .limit(20).map(this::details).toList();
    }

    /** Classifies a case from the queue and dispatches it by the list. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails classify(CaseRef ref, String itemCode, String districtCode, String streetCode) {
        CaseFile c = load(ref);
        LocalDateTime now = now();
        ItemView item = currentItem(itemCode, now);
        String district = districtCode != null ? districtCode : c.getDistrictCode();
        Assignment a = DispatchRules.decide(item.responsibility(), item.leadUnitCode(), district)
                .orElseThrow(() -> new RuleViolation("case.error.cannotDispatch"));
        assign(c, CaseAction.DISPATCH, item, a, now, null);
        return save(c);
    }

    /** Sends the case to another unit with a fresh deadline (改派). */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails redispatch(CaseRef ref, String unitCode, String note) {
        CaseFile c = load(ref);
        requireUnit(unitCode);
        ItemView item = itemOf(c);
        assign(c, CaseAction.REDISPATCH, item, new Assignment(unitCode, Set.of()), now(), requireNote(note));
        return save(c);
    }

    // --- unit handling -----------------------------------------------------------------------------------------

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails sign(CaseRef ref) {
        CaseFile c = loadForHandling(ref);
        c.sign(access.actor(), now());
        return save(c);
    }

    /** A district clerk hands the case to one of the district's streets; the district stays responsible. */
    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails subDispatch(CaseRef ref, String streetCode) {
        CaseFile c = loadForHandling(ref);
        if (catalog.streetsOf(c.getLeadUnitCode()).stream().noneMatch(s -> s.code().equals(streetCode))) {
            throw new RuleViolation("case.error.notOurStreet", streetCode);
        }
        c.subDispatch(streetCode, access.actor(), now());
        return save(c);
    }

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails reply(CaseRef ref, ReplyOutcome outcome, String text, List<PhotoUpload> photoUploads) {
        CaseFile c = loadForHandling(ref);
        if (outcome == null) {
            throw new RuleViolation("case.error.outcomeRequired");
        }
        Photos.check(photoUploads);
        LocalDateTime now = now();
        c.reply(outcome, requireNote(text), access.actor(), now);
        for (PhotoUpload p : photoUploads) {
            photos.save(new CasePhoto(c.getId(), PhotoKind.REPLY, p, access.actor(), now));
        }
        return save(c);
    }

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails requestReturn(CaseRef ref, String reason, String legalBasis) {
        CaseFile c = loadForHandling(ref);
        LocalDateTime now = now();
        c.requestReturn(access.actor(), now, reason);
        requests.save(new CaseRequest(c.getId(), RequestKind.RETURN, c.getLeadUnitCode(), reason, legalBasis, null,
                access.actor(), now));
        return save(c);
    }

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails requestExtension(CaseRef ref, String reason, LocalDateTime newDue) {
        CaseFile c = loadForHandling(ref);
        if (newDue == null || !newDue.isAfter(c.getHandleDueAt())) {
            throw new RuleViolation("case.error.extensionNotLater");
        }
        if (requests.existsByCaseIdAndKindAndState(c.getId(), RequestKind.EXTENSION, RequestState.PENDING)) {
            throw new RuleViolation("case.error.extensionPending");
        }
        LocalDateTime now = now();
        c.recordRequest(CaseAction.REQUEST_EXTENSION, access.actor(), now, requireNote(reason));
        requests.save(new CaseRequest(c.getId(), RequestKind.EXTENSION, c.getLeadUnitCode(), reason, null, newDue,
                access.actor(), now));
        return save(c);
    }

    // --- supervisor decisions ----------------------------------------------------------------------------------

    /** Approve: the case goes to the chosen unit with a fresh deadline. Reject: back to the unit, in progress. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails decideReturn(CaseRef ref, long requestId, boolean approve, String targetUnit, String note) {
        CaseFile c = load(ref);
        CaseRequest r = pendingRequest(c, requestId, RequestKind.RETURN);
        LocalDateTime now = now();
        if (approve) {
            requireUnit(targetUnit);
            if (targetUnit.equals(c.getLeadUnitCode())) {
                throw new RuleViolation("case.error.sameUnit");
            }
            r.decide(true, access.actor(), now, note, targetUnit);
            assign(c, CaseAction.APPROVE_RETURN, itemOf(c), new Assignment(targetUnit, Set.of()), now, note);
        } else {
            r.decide(false, access.actor(), now, requireNote(note), null);
            c.rejectReturn(access.actor(), now, note);
            decided(c, CaseAction.REJECT_RETURN, note);
        }
        requests.save(r);
        return save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails decideExtension(CaseRef ref, long requestId, boolean approve, String note) {
        CaseFile c = load(ref);
        CaseRequest r = pendingRequest(c, requestId, RequestKind.EXTENSION);
        LocalDateTime now = now();
        r.decide(approve, access.actor(), now, note, null);
        c.recordRequest(approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REJECT_EXTENSION, access.actor(), now,
                note);
        if (approve) {
            boolean emergency = "EMERGENCY".equals(c.getUrgency());
            c.extendTo(r.getRequestedDue(), calculator().warnAt(c.getDispatchedAt(), r.getRequestedDue(), emergency));
        }
        decided(c, approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REJECT_EXTENSION, note);
        requests.save(r);
        return save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails acceptReply(CaseRef ref, String note) {
        CaseFile c = load(ref);
        c.acceptReply(access.actor(), now(), note);
        CaseDetails saved = save(c);
        events.publishEvent(new CaseReplyAccepted(c.getId(), c.getNumber(), c.getComplainantPhone()));
        return saved;
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails sendBack(CaseRef ref, String note) {
        CaseFile c = load(ref);
        c.sendBack(access.actor(), now(), note);
        decided(c, CaseAction.SEND_BACK, note);
        return save(c);
    }

    /** The complainant's rating from the call-back (回访) or a channel. */
    @PreAuthorize(INTAKE)
    @Transactional
    public CaseDetails rate(CaseRef ref, Rating rating, boolean solved, String note) {
        CaseFile c = load(ref);
        if (rating == null) {
            throw new RuleViolation("case.error.ratingRequired");
        }
        c.rate(rating, solved, access.actor(), now(), note);
        return save(c);
    }

    /** 重办: a dissatisfied case goes back to its unit with a fresh deadline and counts as reopened. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails reopen(CaseRef ref, String note) {
        CaseFile c = load(ref);
        if (c.getRating() != Rating.DISSATISFIED) {
            throw new RuleViolation("case.error.reopenNeedsDissatisfied", c.getNumber());
        }
        assign(c, CaseAction.REOPEN, itemOf(c), new Assignment(c.getLeadUnitCode(), c.getCoUnitCodes()), now(),
                requireNote(note));
        return save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails close(CaseRef ref, String note) {
        CaseFile c = load(ref);
        c.close(CaseAction.CLOSE, CloseReason.SUPERVISOR, access.actor(), now(), note);
        return save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails merge(CaseRef ref, String masterNumber) {
        CaseFile c = load(ref);
        CaseFile master = cases.findByNumber(masterNumber == null ? "" : masterNumber.trim())
                .orElseThrow(() -> new RuleViolation("case.error.noSuchCase", masterNumber));
        c.mergeInto(master, access.actor(), now());
        return save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails invalidate(CaseRef ref, String reason) {
        CaseFile c = load(ref);
        c.invalidate(access.actor(), now(), reason);
        return save(c);
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public CaseDetails get(long id) {
        CaseFile c = cases.findById(id).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        return details(c);
    }

    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        get(id);
        return history.findByCaseIdOrderByIdAsc(id).stream().map(CaseHistory::toEntry).toList();
    }

    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public List<RequestView> requests(long id) {
        get(id);
        return requests.findByCaseIdOrderByIdAsc(id).stream().map(CaseRequest::toView).toList();
    }

    /**
     * One page of the inbox in deadline order, after {@code cursor} (null: the first page). A unit clerk's or unit
     * leader's scope is part of the query, not a filter on the result.
     * <p>
     * No transaction: the page is one SELECT on an auto-commit connection (the read-only transaction's begin,
     * {@code SET SESSION TRANSACTION READ ONLY} and commit were round trips of their own, most of what the service
     * added to the query). Called inside a transaction, it reads on that transaction's connection.
     */
    @PreAuthorize(CITY)
    public List<CaseRow> inbox(CaseFilter filter, InboxCursor cursor, int limit) {
        return inbox(filter, cursor, 0, limit);
    }

    /**
     * The page that starts {@code skip} rows after {@code cursor}: a grid's jump to a deep offset from the nearest
     * row it knows, without reading the rows in between (see {@link CaseQueries#page}).
     */
    @PreAuthorize(CITY)
    public List<CaseRow> inbox(CaseFilter filter, InboxCursor cursor, int skip, int limit) {
        return queries.page(checked(filter), access.scopedUnit(), cursor, Math.max(skip, 0),
                Math.min(Math.max(limit, 1), 1000), !access.seesComplainant(), now());
    }

    /** The filter, refused with a message when its keyword is too short or too long for the search (DD031). */
    private static CaseFilter checked(CaseFilter filter) {
        CaseFilter f = filter == null ? CaseFilter.any() : filter;
        if (!CaseFilter.validKeyword(f.keyword())) {
            throw new RuleViolation("inbox.error.keyword", CaseFilter.KEYWORD_MIN, CaseFilter.KEYWORD_MAX);
        }
        return f;
    }

    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public List<PhotoInfo> photos(long caseId) {
        get(caseId);
        return photos.findByCaseId(caseId).stream().map(CasePhoto::toInfo).toList();
    }

    /** The bytes of one photo, for the case view; scoped like the case it belongs to. */
    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public byte[] photoData(long photoId) {
        CasePhoto p = photos.findById(photoId).orElseThrow(() -> new RuleViolation("error.notFound"));
        get(p.getCaseId());
        return p.getData();
    }

    /** Shows a supervisor the complainant's name and phone; the reason is kept in the audit log. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public Complainant revealComplainant(long id, String reason) {
        CaseFile c = cases.findById(id).orElseThrow(() -> new RuleViolation("error.notFound"));
        requireNote(reason);
        events.publishEvent(new AuditEvent(access.actor(), "COMPLAINANT_REVEALED", "case_file", c.getNumber(), null,
                null, reason));
        return new Complainant(c.getComplainantName(), c.getComplainantPhone(), c.isAnonymous());
    }

    /** The actions the current user may take on the case now: the view shows only these. */
    @PreAuthorize(CITY)
    public Set<CaseAction> allowedActions(CaseDetails c) {
        return CaseActions.allowed(c, access);
    }

    // --- internals ---------------------------------------------------------------------------------------------

    private void assign(CaseFile c, CaseAction action, ItemView item, Assignment a, LocalDateTime now, String note) {
        assign(c, action, item, a, access.actor(), now, note);
    }

    private void assign(CaseFile c, CaseAction action, ItemView item, Assignment a, String actor, LocalDateTime now,
                        String note) {
        Deadlines d = deadlinesFor(item, now);
        c.assign(action, refOf(item), a.leadUnitCode(), a.coUnitCodes(), d, actor, now, note);
        events.publishEvent(new CaseDispatched(c.getId(), c.getNumber(), a.leadUnitCode(), a.coUnitCodes(),
                d.handleDueAt()));
    }

    private Deadlines deadlinesFor(ItemView item, LocalDateTime now) {
        boolean emergency = "EMERGENCY".equals(item.urgency().name());
        return calculator().compute(now, item.timeLimit(), item.timeUnit(), emergency);
    }

    private static ItemRef refOf(ItemView item) {
        return new ItemRef(item.id(), item.versionId(), item.code(), item.categoryCode(), item.urgency().name());
    }

    private ItemView currentItem(String code, LocalDateTime now) {
        long version = catalog.currentVersion(now.toLocalDate()).id();
        return catalog.item(version, code).orElseThrow(() -> new RuleViolation("case.error.unknownItem", code));
    }

    /** The item in the version the case was dispatched under; the current one if it was never classified. */
    private ItemView itemOf(CaseFile c) {
        if (c.getListVersionId() == null) {
            throw new RuleViolation("case.error.notClassified", c.getNumber());
        }
        return catalog.item(c.getListVersionId(), c.getItemCode())
                .orElseThrow(() -> new RuleViolation("case.error.unknownItem", c.getItemCode()));
    }

    private CaseFile load(CaseRef ref) {
        CaseFile c = cases.findForUpdate(ref.id()).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        if (c.getVersion() != ref.version()) {
            throw new RuleViolation("case.error.changed", c.getNumber());
        }
        return c;
    }

    private CaseFile loadForHandling(CaseRef ref) {
        CaseFile c = load(ref);
        access.checkHandle(c);
        return c;
    }

    private CaseRequest pendingRequest(CaseFile c, long requestId, RequestKind kind) {
        CaseRequest r = requests.findById(requestId).orElseThrow(() -> new RuleViolation("error.notFound"));
        if (!r.getCaseId().equals(c.getId()) || r.getKind() != kind) {
            throw new RuleViolation("error.notFound");
        }
        return r;
    }

    private void requireUnit(String unitCode) {
        if (unitCode == null || catalog.unit(unitCode).isEmpty()) {
            throw new RuleViolation("case.error.unknownUnit", unitCode);
        }
    }

    private static String requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new RuleViolation("case.error.reasonRequired");
        }
        return note.trim();
    }

    private CaseDetails save(CaseFile c) {
        return details(store.save(c));
    }

    private CaseDetails details(CaseFile c) {
        return CaseMapper.details(c, access.seesComplainant(), now());
    }

    private DeadlineCalculator calculator() {
        return calendar.deadlineCalculator();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private void decided(CaseFile c, CaseAction action, String note) {
        events.publishEvent(new CaseDecided(c.getId(), c.getNumber(), c.getLeadUnitCode(), action, note,
                c.getHandleDueAt()));
    }

    // --- export of the inbox (诉求工单 → Excel) ------------------------------------------------------------------

    /**
     * Hands every inbox row matching {@code filter} to {@code sink} in deadline order and returns how many there
     * were. Scoped and masked exactly like {@link #inbox} (the same filter, scope and order, see
     * {@link CaseQueries#stream}); one SQL query streamed over one result set, so memory stays flat however many
     * rows match, and every row comes from one snapshot. The sink must not call the database (the rows are still
     * streaming on the transaction's connection). Every export is audited ({@code CASES_EXPORTED}) with its filter
     * and row count. Not a read-only transaction: the audit row is written in it, and a sink that throws rolls the
     * audit row back with the export it did not finish.
     */
    @PreAuthorize(CITY)
    @Transactional
    public int forEachInboxRow(CaseFilter filter, java.util.function.Consumer<CaseRow> sink) {
        CaseFilter f = checked(filter);
        int count = queries.stream(f, access.scopedUnit(), !access.seesComplainant(), now(), sink);
        String json = org.civitas.base.Snapshots.json(f);
        events.publishEvent(new AuditEvent(access.actor(), "CASES_EXPORTED", "case_file", null, null, json,
                count + " rows " + json));
        return count;
    }

    // --- supervision records (supervision feature) -------------------------------------------------------------

    /**
     * Appends a supervision record to the case's history in the caller's transaction: a reminder or supervision
     * order issued by a supervisor ({@code REMIND}, {@code SUPERVISE}), or a unit's answer to one
     * ({@code ANSWER_SUPERVISION}, by a clerk of a unit the case concerns). The state does not change; the case
     * table refuses it on a finished case. The deadline sweep writes its own rows in bulk.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_CLERK')")
    @Transactional
    public void recordSupervision(long caseId, CaseAction action, String note) {
        CaseFile c = cases.findForUpdate(caseId).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        switch (action) {
            case REMIND, SUPERVISE -> {
                if (!access.hasRole(org.civitas.security.AppRoles.SUPERVISOR)) {
                    throw new org.springframework.security.access.AccessDeniedException(action + " needs a supervisor");
                }
            }
            case ANSWER_SUPERVISION -> {
                if (!access.hasRole(org.civitas.security.AppRoles.UNIT_CLERK)
                        || !c.concerns(access.actorUnit().orElse(null))) {
                    throw new org.springframework.security.access.AccessDeniedException(
                            "case " + c.getNumber() + " is not a case of the clerk's unit");
                }
            }
            default -> throw new IllegalArgumentException("not a supervision record: " + action);
        }
        c.recordRequest(action, access.actor(), now(), note);
        store.save(c);
    }
}
