package org.civitas.cases.lifecycle;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.base.RuleViolation;
import org.civitas.calendar.Deadlines;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.CloseReason;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.intake.NewCase;

/**
 * The case (工单) aggregate. Every change of state goes through one method per action; {@link #move} refuses what
 * the {@link CaseAction} table does not allow and records the history row that {@link CaseStore} writes in the
 * same transaction.
 */
@Entity
@Table(name = "case_file")
class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String channelRef;
    private LocalDateTime receivedAt;
    private String complainantName;
    private String complainantPhone;
    private boolean anonymous;
    private String districtCode;
    private String streetCode;
    private String address;
    private BigDecimal latitude;
    private BigDecimal longitude;
    /** The coordinates are the centre of the street or district, not a reported point (docs/decisions/DD071). */
    private boolean locationApproximate;
    private String description;
    private String mediaUrl;
    private Long listItemId;
    private Long listVersionId;
    private String itemCode;
    private String categoryCode;
    private String urgency;
    private String leadUnitCode;
    private String handlingUnitCode;
    @ElementCollection
    @CollectionTable(name = "case_co_unit", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "unit_code")
    private Set<String> coUnitCodes = new TreeSet<>();
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private LocalDateTime dispatchedAt;
    private LocalDateTime signedAt;
    private LocalDateTime repliedAt;
    private LocalDateTime closedAt;
    private LocalDateTime signDueAt;
    private LocalDateTime handleDueAt;
    private LocalDateTime warnAt;
    private Boolean signedOnTime;
    private Boolean repliedOnTime;
    @Enumerated(EnumType.STRING)
    private ReplyOutcome replyOutcome;
    private String replyText;
    private boolean replyAccepted;
    @Enumerated(EnumType.STRING)
    private Rating rating;
    private Boolean solved;
    private LocalDateTime ratedAt;
    @Enumerated(EnumType.STRING)
    private CloseReason closeReason;
    private String closeNote;
    private int reopenCount;
    private Long masterCaseId;
    private String createdBy;
    /** The complainant's secret for the public tracking page; null on cases registered before codes existed. */
    private String trackingCode;
    @Version
    private long version;

    @Transient
    private final List<CaseHistory> newHistory = new ArrayList<>();

    protected CaseFile() {
    }

    /** A new report, registered but not yet dispatched. */
    CaseFile(String number, NewCase report, String actor, LocalDateTime now) {
        this.number = number;
        this.channel = report.channel();
        this.channelRef = report.channelRef();
        this.receivedAt = report.receivedAt() == null ? now : report.receivedAt();
        this.anonymous = report.anonymous();
        this.complainantName = report.anonymous() ? null : report.complainantName();
        this.complainantPhone = report.complainantPhone();
        this.districtCode = report.districtCode();
        this.streetCode = report.streetCode();
        this.address = report.address();
        this.latitude = report.latitude();
        this.longitude = report.longitude();
        this.description = report.description();
        this.mediaUrl = report.mediaUrl();
        this.createdBy = actor;
        this.trackingCode = TrackingCode.random();
        this.status = CaseStatus.REGISTERED;
        newHistory.add(new CaseHistory(null, now, actor, CaseAction.REGISTER, null, CaseStatus.REGISTERED, null,
                null, false));
    }

    // --- transitions -------------------------------------------------------------------------------------------

    /** DISPATCH, REDISPATCH, APPROVE_RETURN and REOPEN: the case goes to a unit with fresh deadlines. */
    void assign(CaseAction action, ItemRef item, String leadUnit, Set<String> coUnits, Deadlines deadlines,
                String actor, LocalDateTime now, String note) {
        move(action, actor, now, note, leadUnit, false);
        classify(item);
        this.leadUnitCode = leadUnit;
        this.handlingUnitCode = null;
        this.coUnitCodes.clear();
        this.coUnitCodes.addAll(coUnits);
        this.dispatchedAt = now;
        this.signedAt = null;
        this.signedOnTime = null;
        this.repliedAt = null;
        this.repliedOnTime = null;
        this.replyOutcome = null;
        this.replyText = null;
        this.replyAccepted = false;
        this.rating = null;
        this.solved = null;
        this.ratedAt = null;
        setDeadlines(deadlines);
        if (action == CaseAction.REOPEN) {
            reopenCount++;
        }
    }

    void sign(String actor, LocalDateTime now) {
        move(CaseAction.SIGN, actor, now, null, leadUnitCode, false);
        this.signedAt = now;
        this.signedOnTime = !now.isAfter(signDueAt);
    }

    void subDispatch(String streetCode, String actor, LocalDateTime now) {
        move(CaseAction.SUB_DISPATCH, actor, now, null, streetCode, false);
        this.handlingUnitCode = streetCode;
    }

    void reply(ReplyOutcome outcome, String text, String actor, LocalDateTime now) {
        move(CaseAction.REPLY, actor, now, text, leadUnitCode, false);
        this.replyOutcome = outcome;
        this.replyText = text;
        this.repliedAt = now;
        this.repliedOnTime = !now.isAfter(handleDueAt);
        this.replyAccepted = false;
    }

    void acceptReply(String actor, LocalDateTime now, String note) {
        CasePolicy.requireCondition(CaseAction.ACCEPT_REPLY, CasePolicy.Subject.of(this));
        move(CaseAction.ACCEPT_REPLY, actor, now, note, null, true);
        this.replyAccepted = true;
    }

    /** 审核不通过: the unit must answer again; the first reply's time no longer counts as on time. */
    void sendBack(String actor, LocalDateTime now, String note) {
        requireText(note);
        move(CaseAction.SEND_BACK, actor, now, note, leadUnitCode, false);
        this.repliedAt = null;
        this.repliedOnTime = null;
        this.replyAccepted = false;
    }

    void requestReturn(String actor, LocalDateTime now, String reason) {
        requireText(reason);
        move(CaseAction.REQUEST_RETURN, actor, now, reason, leadUnitCode, false);
    }

    void rejectReturn(String actor, LocalDateTime now, String note) {
        move(CaseAction.REJECT_RETURN, actor, now, note, leadUnitCode, false);
        if (signedAt == null) {
            // a return asked before signing counts as the unit's acknowledgement once refused
            this.signedAt = now;
            this.signedOnTime = !now.isAfter(signDueAt);
        }
    }

    void recordRequest(CaseAction action, String actor, LocalDateTime now, String note) {
        move(action, actor, now, note, leadUnitCode, false);
    }

    void extendTo(LocalDateTime newDue, LocalDateTime newWarn) {
        this.handleDueAt = newDue;
        this.warnAt = newWarn;
    }

    /** The complainant's rating (回访). Satisfied closes the case; dissatisfied waits for the supervisor. */
    void rate(Rating rating, boolean solved, String actor, LocalDateTime now, String note) {
        CasePolicy.requireCondition(CaseAction.RATE, CasePolicy.Subject.of(this));
        move(CaseAction.RATE, actor, now, note, null, false);
        this.rating = rating;
        this.solved = solved;
        this.ratedAt = now;
        if (rating.satisfied()) {
            close(CaseAction.CLOSE, CloseReason.RATED, actor, now, null);
        }
    }

    void close(CaseAction action, CloseReason reason, String actor, LocalDateTime now, String note) {
        if (reason == CloseReason.SUPERVISOR) {
            requireText(note);
        }
        move(action, actor, now, note, null, false);
        this.closedAt = now;
        this.closeReason = reason;
        this.closeNote = note;
    }

    void mergeInto(CaseFile master, String actor, LocalDateTime now) {
        if (master.id.equals(id) || master.status.isFinal()) {
            throw new RuleViolation("case.error.badMaster", master.number);
        }
        move(CaseAction.MERGE, actor, now, master.number, null, false);
        this.masterCaseId = master.id;
        this.closedAt = now;
    }

    void invalidate(String actor, LocalDateTime now, String reason) {
        requireText(reason);
        move(CaseAction.INVALIDATE, actor, now, reason, null, false);
        this.closedAt = now;
    }

    private void move(CaseAction action, String actor, LocalDateTime now, String note, String unitCode,
                      boolean internal) {
        if (!action.allowedFrom(status)) {
            throw new RuleViolation("case.error.illegalMove", number, new RuleViolation.Key(action.labelKey()),
                    new RuleViolation.Key(status.labelKey()));
        }
        CaseStatus from = status;
        status = action.target(status);
        newHistory.add(new CaseHistory(id, now, actor, action, from, status, unitCode, note, internal));
    }

    /** The item of a report that is not dispatched (merged at intake): its list and category stay known. */
    void classifyAtIntake(ItemRef item) {
        classify(item);
    }

    private void classify(ItemRef item) {
        this.listItemId = item.id();
        this.listVersionId = item.versionId();
        this.itemCode = item.code();
        this.categoryCode = item.categoryCode();
        this.urgency = item.urgency();
    }

    private void setDeadlines(Deadlines d) {
        this.signDueAt = d.signDueAt();
        this.handleDueAt = d.handleDueAt();
        this.warnAt = d.warnAt();
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("case.error.reasonRequired");
        }
    }

    /**
     * The columns of a new case's row, in the order of {@link #insertValues()}: every column the entity maps but the
     * id (the database's) and the co-units (their own table). Every new case is written with them, as one multi-row
     * INSERT ({@link CaseStore#insertAll}, docs/benchmarks.md, intake); the entity's mapping stays the one
     * definition: {@code CaseIntakeTest} checks the names against the JPA metamodel and that a row written so is the
     * row Hibernate writes for the same case, column for column.
     */
    static final String INSERT_COLUMNS = "number, channel, channel_ref, received_at, complainant_name, "
            + "complainant_phone, anonymous, district_code, street_code, address, latitude, longitude, "
            + "location_approximate, description, "
            + "media_url, "
            + "list_item_id, list_version_id, item_code, category_code, urgency, lead_unit_code, handling_unit_code, "
            + "status, dispatched_at, signed_at, replied_at, closed_at, sign_due_at, handle_due_at, warn_at, "
            + "signed_on_time, replied_on_time, reply_outcome, reply_text, reply_accepted, rating, solved, rated_at, "
            + "close_reason, close_note, reopen_count, master_case_id, created_by, tracking_code, version";
    /** The placeholders of one row of {@link #INSERT_COLUMNS}. */
    static final String INSERT_VALUES = "(" + "?, ".repeat(INSERT_COLUMNS.split(",").length - 1) + "?)";

    /** This case's values for {@link #INSERT_COLUMNS}. */
    List<Object> insertValues() {
        return Arrays.asList(number, name(channel), channelRef, receivedAt, complainantName,
                complainantPhone, anonymous, districtCode, streetCode, address, latitude, longitude,
                locationApproximate, description,
                mediaUrl,
                listItemId, listVersionId, itemCode, categoryCode, urgency, leadUnitCode, handlingUnitCode,
                name(status), dispatchedAt, signedAt, repliedAt, closedAt, signDueAt, handleDueAt, warnAt,
                signedOnTime, repliedOnTime, name(replyOutcome), replyText, replyAccepted, name(rating), solved, ratedAt,
                name(closeReason), closeNote, reopenCount, masterCaseId, createdBy, trackingCode, version);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** The id the database gave this case when the batch intake wrote it (Hibernate sets it on its own saves). */
    void written(long id) {
        if (this.id != null) {
            throw new IllegalStateException("Case " + number + " was written before");
        }
        this.id = id;
    }

    /** The history rows the next save writes (the same rows {@link #drainHistory} hands over). */
    List<CaseHistory> pendingHistory() {
        return List.copyOf(newHistory);
    }

    /** History rows made since the last save, with this case's id now known. */
    List<CaseHistory> drainHistory() {
        List<CaseHistory> rows = new ArrayList<>(newHistory);
        rows.forEach(h -> h.attachTo(id));
        newHistory.clear();
        return rows;
    }

    boolean isOverdue(LocalDateTime now) {
        return handleDueAt != null && CaseStatus.AWAITING_UNIT.contains(status) && now.isAfter(handleDueAt);
    }

    boolean concerns(String unitCode) {
        return unitCode != null && (unitCode.equals(leadUnitCode) || unitCode.equals(handlingUnitCode)
                || coUnitCodes.contains(unitCode));
    }

    Long getId() { return id; }
    String getNumber() { return number; }
    Channel getChannel() { return channel; }
    String getChannelRef() { return channelRef; }
    LocalDateTime getReceivedAt() { return receivedAt; }
    String getComplainantName() { return complainantName; }
    String getComplainantPhone() { return complainantPhone; }
    boolean isAnonymous() { return anonymous; }
    String getDistrictCode() { return districtCode; }
    String getStreetCode() { return streetCode; }
    String getAddress() { return address; }
    BigDecimal getLatitude() { return latitude; }
    BigDecimal getLongitude() { return longitude; }
    boolean isLocationApproximate() { return locationApproximate; }

    /** A report without coordinates is placed at its street's or district's centre, marked approximate. */
    void placeApproximately(BigDecimal latitude, BigDecimal longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.locationApproximate = true;
    }
    String getDescription() { return description; }
    String getMediaUrl() { return mediaUrl; }
    Long getListItemId() { return listItemId; }
    Long getListVersionId() { return listVersionId; }
    String getItemCode() { return itemCode; }
    String getCategoryCode() { return categoryCode; }
    String getUrgency() { return urgency; }
    String getLeadUnitCode() { return leadUnitCode; }
    String getHandlingUnitCode() { return handlingUnitCode; }
    Set<String> getCoUnitCodes() { return coUnitCodes; }
    CaseStatus getStatus() { return status; }
    LocalDateTime getDispatchedAt() { return dispatchedAt; }
    LocalDateTime getSignedAt() { return signedAt; }
    LocalDateTime getRepliedAt() { return repliedAt; }
    LocalDateTime getClosedAt() { return closedAt; }
    LocalDateTime getSignDueAt() { return signDueAt; }
    LocalDateTime getHandleDueAt() { return handleDueAt; }
    LocalDateTime getWarnAt() { return warnAt; }
    Boolean getSignedOnTime() { return signedOnTime; }
    Boolean getRepliedOnTime() { return repliedOnTime; }
    ReplyOutcome getReplyOutcome() { return replyOutcome; }
    String getReplyText() { return replyText; }
    boolean isReplyAccepted() { return replyAccepted; }
    Rating getRating() { return rating; }
    Boolean getSolved() { return solved; }
    LocalDateTime getRatedAt() { return ratedAt; }
    CloseReason getCloseReason() { return closeReason; }
    String getCloseNote() { return closeNote; }
    int getReopenCount() { return reopenCount; }
    Long getMasterCaseId() { return masterCaseId; }
    String getCreatedBy() { return createdBy; }
    String getTrackingCode() { return trackingCode; }
    long getVersion() { return version; }
}
