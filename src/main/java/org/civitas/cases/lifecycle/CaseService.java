package org.civitas.cases.lifecycle;

import static org.civitas.cases.lifecycle.CaseSteps.requireNote;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseRef;
import org.civitas.cases.CaseReplyAccepted;
import org.civitas.cases.CloseReason;
import org.civitas.cases.Complainant;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.inbox.CaseQueries;
import org.civitas.cases.inbox.CaseRow;
import org.civitas.cases.inbox.InboxCursor;
import org.civitas.cases.inbox.InboxOrder;
import org.civitas.cases.inbox.InboxTotal;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoInfo;
import org.civitas.cases.photos.PhotoKind;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.classify.ChannelClassifier;
import org.civitas.dispatch.Assignment;
import org.civitas.dispatch.DispatchRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of a case (docs/design.md §4): registration with automatic dispatch, unit handling, supervisor decisions,
 * and reading cases and the inbox. Each method loads the case the user saw ({@link CaseRef}), refuses it if it
 * changed since, checks the user's scope, applies one transition and saves the case with its history in one
 * transaction. A unit's return and extension requests are {@link CaseRequestService}'s, the duplicate finder is
 * {@link DuplicateFinder}, the supervision feature's history rows are {@link SupervisionRecords}'.
 */
@Service
public class CaseService {

    static final String CITY = "hasAnyRole('OPERATOR','SUPERVISOR','UNIT_CLERK','INSPECTOR','LEADER')";
    static final String INTAKE = "hasAnyRole('OPERATOR','SUPERVISOR')";
    /** The inspection team opens cases from its findings (channel INSPECTION). */
    static final String INTAKE_OR_INSPECTION = "hasAnyRole('OPERATOR','SUPERVISOR','INSPECTOR')";
    static final String SUPERVISOR = "hasRole('SUPERVISOR')";
    static final String CLERK = "hasRole('UNIT_CLERK')";

    private final CaseRepository cases;
    private final CaseSteps steps;
    private final CaseIntake intake;
    private final CaseHistoryRepository history;
    private final CaseAccess access;
    private final CaseQueries queries;
    private final CasePhotoRepository photos;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final MergedCases merged;
    private final CaseRequestRepository requests;
    private final ChannelClassifier classifier;

    CaseService(CaseRepository cases, CaseSteps steps, CaseIntake intake,
                CaseHistoryRepository history, CaseAccess access, CaseQueries queries,
                CasePhotoRepository photos, CatalogService catalog, ApplicationEventPublisher events,
                MergedCases merged, CaseRequestRepository requests, ChannelClassifier classifier) {
        this.classifier = classifier;
        this.merged = merged;
        this.requests = requests;
        this.cases = cases;
        this.steps = steps;
        this.intake = intake;
        this.history = history;
        this.access = access;
        this.queries = queries;
        this.photos = photos;
        this.catalog = catalog;
        this.events = events;
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
     * The registration itself, for {@link #register}: the caller has checked who may register; {@code actor} goes
     * into the history. Written by {@link CaseIntake}, the one way every new case comes in, as a batch of one.
     */
    CaseDetails registerAs(NewCase raw, List<PhotoUpload> photoUploads, String actor) {
        return registerAs(raw, photoUploads, actor, null);
    }

    /**
     * 受理即合并: the operator recognises the call as a report of an open case (the duplicate warning) and registers it
     * straight into that case. The new report is kept (its complainant, words and photos, its own number and
     * tracking code for the caller) but is not dispatched: it is MERGED into the master at once, follows it, and its
     * complainant gets the master's outcome SMS. The master is locked, so it cannot close meanwhile; a master that
     * is closed, invalid or merged is refused. The same channel id twice returns the case registered the first time.
     */
    @PreAuthorize(INTAKE)
    @Transactional
    public CaseDetails registerAsDuplicate(NewCase report, List<PhotoUpload> photoUploads, long masterId) {
        CaseFile master = cases.findForUpdate(masterId).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(master);
        return registerAs(report, photoUploads, access.actor(), master);
    }

    private CaseDetails registerAs(NewCase raw, List<PhotoUpload> photoUploads, String actor, CaseFile master) {
        CaseIntake.Result filed = intake.file(raw, photoUploads, actor, master);
        if (!filed.created()) {
            return steps.details(cases.findById(filed.filedBefore()).orElseThrow());
        }
        CaseFile c = filed.filed();
        if (master != null) {
            events.publishEvent(new AuditEvent(actor, "CASE_MERGED", "case_file", c.getNumber(), null,
                    master.getNumber(), null));
            merged.merged(c, master);
        }
        return steps.registered(c);
    }

    /** Classifies a case from the queue and dispatches it by the list. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails classify(CaseRef ref, String itemCode, String districtCode, String streetCode) {
        CaseFile c = steps.loadFor(ref, CaseAction.DISPATCH);
        LocalDateTime now = steps.now();
        ItemView item = steps.currentItem(itemCode, now);
        String district = districtCode != null ? districtCode : c.getDistrictCode();
        Assignment a = DispatchRules.decide(item.responsibility(), item.leadUnitCode(), district)
                .orElseThrow(() -> new RuleViolation("case.error.cannotDispatch"));
        steps.assign(c, CaseAction.DISPATCH, item, a, now, null);
        // the person's choice beside the classifier's suggestion: the classifier's accuracy in service (DD051)
        classifier.chosen(c.getId(), c.getDescription(), c.getAddress(), item.code(), access.actor(), now);
        return steps.save(c);
    }

    /** Sends the case to another unit with a fresh deadline (改派). */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails redispatch(CaseRef ref, String unitCode, String note) {
        CaseFile c = steps.load(ref);
        steps.requireUnit(unitCode);
        steps.require(c, CaseAction.REDISPATCH);
        ItemView item = steps.itemOf(c);
        steps.assign(c, CaseAction.REDISPATCH, item, new Assignment(unitCode, Set.of()), steps.now(),
                requireNote(note));
        return steps.save(c);
    }

    // --- unit handling -----------------------------------------------------------------------------------------

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails sign(CaseRef ref) {
        CaseFile c = steps.loadFor(ref, CaseAction.SIGN);
        c.sign(access.actor(), steps.now());
        return steps.save(c);
    }

    /** A district clerk hands the case to one of the district's streets; the district stays responsible. */
    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails subDispatch(CaseRef ref, String streetCode) {
        CaseFile c = steps.loadFor(ref, CaseAction.SUB_DISPATCH);
        if (catalog.streetsOf(c.getLeadUnitCode()).stream().noneMatch(s -> s.code().equals(streetCode))) {
            throw new RuleViolation("case.error.notOurStreet", streetCode);
        }
        c.subDispatch(streetCode, access.actor(), steps.now());
        return steps.save(c);
    }

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails reply(CaseRef ref, ReplyOutcome outcome, String text, List<PhotoUpload> photoUploads) {
        CaseFile c = steps.loadFor(ref, CaseAction.REPLY);
        if (outcome == null) {
            throw new RuleViolation("case.error.outcomeRequired");
        }
        Photos.check(photoUploads);
        LocalDateTime now = steps.now();
        c.reply(outcome, requireNote(text), access.actor(), now);
        for (PhotoUpload p : photoUploads) {
            photos.save(new CasePhoto(c.getId(), PhotoKind.REPLY, p, access.actor(), now));
        }
        return steps.save(c);
    }

    // --- supervisor decisions ----------------------------------------------------------------------------------

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails acceptReply(CaseRef ref, String note) {
        CaseFile c = steps.loadFor(ref, CaseAction.ACCEPT_REPLY);
        c.acceptReply(access.actor(), steps.now(), note);
        CaseDetails saved = steps.save(c);
        events.publishEvent(new CaseReplyAccepted(c.getId(), c.getNumber(), c.getComplainantPhone(),
                c.getTrackingCode()));
        return saved;
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails sendBack(CaseRef ref, String note) {
        CaseFile c = steps.loadFor(ref, CaseAction.SEND_BACK);
        c.sendBack(access.actor(), steps.now(), note);
        steps.decided(c, CaseAction.SEND_BACK, note);
        return steps.save(c);
    }

    /** The complainant's rating from the call-back (回访) or a channel. */
    @PreAuthorize(INTAKE)
    @Transactional
    public CaseDetails rate(CaseRef ref, Rating rating, boolean solved, String note) {
        CaseFile c = steps.load(ref);
        if (rating == null) {
            throw new RuleViolation("case.error.ratingRequired");
        }
        steps.require(c, CaseAction.RATE);
        c.rate(rating, solved, access.actor(), steps.now(), note);
        return steps.save(c);
    }

    /** 重办: a dissatisfied case goes back to its unit with a fresh deadline and counts as reopened. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails reopen(CaseRef ref, String note) {
        CaseFile c = steps.loadFor(ref, CaseAction.REOPEN);
        steps.assign(c, CaseAction.REOPEN, steps.itemOf(c), new Assignment(c.getLeadUnitCode(), c.getCoUnitCodes()),
                steps.now(), requireNote(note));
        return steps.save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails close(CaseRef ref, String note) {
        CaseFile c = steps.loadFor(ref, CaseAction.CLOSE);
        c.close(CaseAction.CLOSE, CloseReason.SUPERVISOR, access.actor(), steps.now(), note);
        return steps.save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails merge(CaseRef ref, String masterNumber) {
        CaseFile c = steps.loadFor(ref, CaseAction.MERGE);
        CaseFile master = cases.findByNumber(masterNumber == null ? "" : masterNumber.trim())
                .orElseThrow(() -> new RuleViolation("case.error.noSuchCase", masterNumber));
        c.mergeInto(master, access.actor(), steps.now());
        CaseDetails saved = steps.save(c);
        merged.merged(c, master);
        return saved;
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails invalidate(CaseRef ref, String reason) {
        CaseFile c = steps.loadFor(ref, CaseAction.INVALIDATE);
        c.invalidate(access.actor(), steps.now(), reason);
        return steps.save(c);
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public CaseDetails get(long id) {
        return steps.read(id);
    }

    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        get(id);
        return history.findByCaseIdOrderByIdAsc(id).stream().map(CaseHistory::toEntry).toList();
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
                Math.min(Math.max(limit, 1), 1000), !access.seesComplainant(), steps.now());
    }

    /** The page in {@code order} (see {@link InboxOrder}); the cursor is a row's {@link CaseRow#cursor()}. */
    @PreAuthorize(CITY)
    public List<CaseRow> inbox(CaseFilter filter, InboxOrder order, InboxCursor cursor, int skip, int limit) {
        return queries.page(checked(filter), order, access.scopedUnit(), cursor, Math.max(skip, 0),
                Math.min(Math.max(limit, 1), 1000), !access.seesComplainant(), steps.now());
    }

    /** How many cases of the user's scope the filter holds: exact up to ten thousand, estimated beyond. */
    @PreAuthorize(CITY)
    public InboxTotal inboxTotal(CaseFilter filter) {
        return queries.total(checked(filter), access.scopedUnit(), steps.now());
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

    /** The actions the current user may take on the case now ({@link CasePolicy}): the view shows only these. */
    @PreAuthorize(CITY)
    public Set<CaseAction> allowedActions(CaseDetails c) {
        return CaseActions.allowed(c, access, requests.pendingKinds(c.id()));
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
        int count = queries.stream(f, access.scopedUnit(), !access.seesComplainant(), steps.now(), sink);
        String json = org.civitas.base.Snapshots.json(f);
        events.publishEvent(new AuditEvent(access.actor(), "CASES_EXPORTED", "case_file", null, null, json,
                count + " rows " + json));
        return count;
    }
}
