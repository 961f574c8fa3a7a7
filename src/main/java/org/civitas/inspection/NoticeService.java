package org.civitas.inspection;

import static org.civitas.inspection.InspectionService.DAY;
import static org.civitas.inspection.InspectionService.INSPECTOR;
import static org.civitas.inspection.InspectionService.READ_ROUNDS;
import static org.civitas.inspection.InspectionStore.NOTICE_SELECT;
import static org.civitas.inspection.InspectionStore.blankToNull;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.LimitUnit;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.base.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改通知单: the rectification notices of a round's findings, per unit (issued by the inspector, answered by the
 * unit's clerk), re-inspections and the overdue sweep. Clerks are scoped to their unit in every query. Every change
 * appends an {@code inspection_history} row and publishes an audit event in the same transaction.
 */
@Service
public class NoticeService {

    static final String READ_NOTICES = "hasAnyRole('INSPECTOR','SUPERVISOR','LEADER','UNIT_CLERK')";
    static final String CLERK = "hasRole('UNIT_CLERK')";

    private final NamedParameterJdbcTemplate jdbc;
    private final InspectionStore store;
    private final CalendarService calendar;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final InspectionDocuments documents;
    private final CaseService cases;
    private final int noticeDays;
    private final int redoDays;

    NoticeService(NamedParameterJdbcTemplate jdbc, InspectionStore store, CalendarService calendar, CurrentUser user,
                  ApplicationEventPublisher events, InspectionDocuments documents, CaseService cases,
                  @Value("${civitas.inspection.notice-working-days:5}") int noticeDays,
                  @Value("${civitas.inspection.redo-working-days:5}") int redoDays) {
        this.jdbc = jdbc;
        this.store = store;
        this.calendar = calendar;
        this.user = user;
        this.events = events;
        this.documents = documents;
        this.cases = cases;
        this.noticeDays = noticeDays;
        this.redoDays = redoDays;
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
        RoundRow round = store.round(roundId);
        List<FindingRow> open = store.findings(roundId).stream().filter(f -> f.noticeId() == null).toList();
        if (open.isEmpty()) {
            throw new RuleViolation("inspection.error.nothingToIssue");
        }
        LocalDateTime now = store.now();
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
                String number = store.nextNumber("rectification_notice", "ZG" + DAY.format(now));
                var keys = new GeneratedKeyHolder();
                jdbc.update("""
                        INSERT INTO rectification_notice (number, round_id, unit_code, state, issued_at, due_at,
                          current_due_at) VALUES (:number, :r, :u, 'ISSUED', :now, :due, :due)""",
                        new MapSqlParameterSource("number", number).addValue("r", roundId).addValue("u", e.getKey())
                                .addValue("now", now).addValue("due", due), keys, new String[] {"id"});
                noticeId = keys.getKey().longValue();
                store.history("NOTICE", noticeId, "ISSUED", round.number());
                events.publishEvent(new NoticeIssued(noticeId, number, e.getKey(), due));
                events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_NOTICE_ISSUED",
                        "rectification_notice", noticeId, null, number + " " + e.getKey() + " " + due));
            } else {
                noticeId = existing;
                store.history("NOTICE", noticeId, "FINDINGS_ADDED", null);
            }
            jdbc.update("UPDATE inspection_finding SET notice_id = :n WHERE id IN (:ids)", new MapSqlParameterSource(
                    "n", noticeId).addValue("ids", e.getValue().stream().map(FindingRow::id).toList()));
        }
        return store.notices(roundId);
    }

    /** The notices of a round (inspector, supervisor, leader). */
    @PreAuthorize(READ_ROUNDS)
    @Transactional(readOnly = true)
    public List<NoticeRow> notices(long roundId) {
        return store.notices(roundId);
    }

    /** Every notice, newest first; a unit clerk sees only their own unit's, by the query. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public List<NoticeRow> notices() {
        return jdbc.query(NOTICE_SELECT + " WHERE (:unit IS NULL OR n.unit_code = :unit) ORDER BY n.issued_at DESC,"
                + " n.id DESC LIMIT 500", store.scope(), store::noticeRow);
    }

    /**
     * The open notices of the caller's own rounds: {@code "week"} those due by the end of this week, {@code "overdue"}
     * those past their deadline, {@code "answered"} those waiting for the re-inspection; anything else: none.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional(readOnly = true)
    public List<NoticeRow> myNotices(String which) {
        String condition = switch (which == null ? "" : which) {
            case "week" -> "n.state IN ('ISSUED','FAILED') AND n.current_due_at > :now AND n.current_due_at < :weekEnd";
            case "overdue" -> "n.state IN ('ISSUED','FAILED') AND n.current_due_at <= :now";
            case "answered" -> "n.state = 'ANSWERED'";
            default -> null;
        };
        if (condition == null) {
            return List.of();
        }
        LocalDateTime now = store.now();
        return jdbc.query(NOTICE_SELECT + " WHERE r.created_by = :me AND " + condition
                + " ORDER BY n.current_due_at, n.id LIMIT 500", new MapSqlParameterSource("me", user.username())
                .addValue("now", now).addValue("weekEnd", endOfWeek(now)), store::noticeRow);
    }

    /** The start of next Monday: "this week" ends there. */
    static LocalDateTime endOfWeek(LocalDateTime now) {
        return now.toLocalDate().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                .atStartOfDay();
    }

    /** One notice; a clerk asking for another unit's notice is refused. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public NoticeRow notice(long id) {
        return store.notice(id);
    }

    /** Overdue notices (for the deadline board), scoped like {@link #notices()}. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public long overdueCount() {
        Long n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM rectification_notice n WHERE n.state IN ('ISSUED','FAILED')
                  AND n.current_due_at <= :now AND (:unit IS NULL OR n.unit_code = :unit)""",
                store.scope().addValue("now", store.now()), Long.class);
        return n == null ? 0 : n;
    }

    /** The unit's clerk says what was done, with photos. Allowed while issued or after a failed re-inspection. */
    @PreAuthorize(CLERK)
    @Transactional
    public NoticeRow answer(long noticeId, long expectedVersion, String text, List<PhotoUpload> photos) {
        NoticeRow n = store.notice(noticeId);
        if (n.state() != NoticeState.ISSUED && n.state() != NoticeState.FAILED) {
            throw new RuleViolation("notice.error.notOpen");
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new RuleViolation("notice.error.answerText");
        }
        InspectionPhotos.check(photos);
        LocalDateTime now = store.now();
        int changed = jdbc.update("""
                UPDATE rectification_notice SET state = 'ANSWERED', answer_text = :text, answered_by = :actor,
                  answered_at = :now, first_answered_at = COALESCE(first_answered_at, :now), version = version + 1
                WHERE id = :id AND version = :version AND unit_code = :unit""", new MapSqlParameterSource("id", noticeId)
                .addValue("text", text.strip()).addValue("actor", user.username()).addValue("now", now)
                .addValue("version", expectedVersion).addValue("unit", n.unitCode()));
        if (changed == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
        store.savePhotos("ANSWER", noticeId, photos, now);
        store.history("NOTICE", noticeId, "ANSWERED", text.strip());
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_NOTICE_ANSWERED",
                "rectification_notice", noticeId, n.state().name(), NoticeState.ANSWERED.name()));
        return store.notice(noticeId);
    }

    /**
     * 回访检查: pass or fail for each open finding of the notice. All passed → PASSED; any failed → FAILED, the failed
     * findings stay open and the notice gets a new deadline of {@code civitas.inspection.redo-working-days} working
     * days. Only an answered notice, or one whose deadline passed, is re-inspected.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public NoticeRow reinspect(long noticeId, long expectedVersion, Map<Long, Boolean> passed, String note) {
        NoticeRow n = store.notice(noticeId);
        LocalDateTime now = store.now();
        if (n.state() != NoticeState.ANSWERED && !n.overdue(now)) {
            throw new RuleViolation("notice.error.notAnswered");
        }
        Set<Long> open = store.findingsOfNotice(noticeId).stream().filter(f -> f.state() != FindingState.PASSED)
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
        store.history("NOTICE", noticeId, allPassed ? "PASSED" : "FAILED", note);
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_REINSPECTED", "rectification_notice",
                noticeId, n.state().name(), allPassed ? "PASSED" : "FAILED"));
        return store.notice(noticeId);
    }

    // --- after a failed re-inspection ---------------------------------------------------------------------------

    /**
     * 回访未通过 → a deadline the inspector chooses: the notice is open again (ISSUED) until then and the unit is told.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public NoticeRow setDeadline(long noticeId, long expectedVersion, LocalDateTime due, String note) {
        NoticeRow n = failed(noticeId);
        LocalDateTime now = store.now();
        if (due == null || !due.isAfter(now)) {
            throw new RuleViolation("notice.error.deadline");
        }
        reopen(n, expectedVersion, due, false);
        store.history("NOTICE", noticeId, "DEADLINE_SET", due + (blankToNull(note) == null ? "" : " " + note.strip()));
        events.publishEvent(new NoticeIssued(noticeId, n.number(), n.unitCode(), due));
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_DEADLINE_SET", "rectification_notice",
                noticeId, n.state() + " " + n.currentDueAt(), NoticeState.ISSUED + " " + due));
        return store.notice(noticeId);
    }

    /**
     * 回访未通过 → the notice is issued again with a fresh deadline of {@code civitas.inspection.notice-working-days}
     * working days; the unit's last answer is cleared (it did not hold) and the unit is told as of a new notice.
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public NoticeRow reissue(long noticeId, long expectedVersion, String note) {
        NoticeRow n = failed(noticeId);
        LocalDateTime due = calendar.deadlineCalculator().handleDue(store.now(), noticeDays, LimitUnit.WORKING_DAYS);
        reopen(n, expectedVersion, due, true);
        store.history("NOTICE", noticeId, "REISSUED", blankToNull(note));
        events.publishEvent(new NoticeIssued(noticeId, n.number(), n.unitCode(), due));
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_NOTICE_REISSUED", "rectification_notice",
                noticeId, n.state() + " " + n.currentDueAt(), NoticeState.ISSUED + " " + due));
        return store.notice(noticeId);
    }

    /**
     * 回访未通过 → 转督办: the problem becomes a case on the INSPECTION channel (dispatched to the unit by the list, so
     * its deadline, the automatic reminders and orders, and the city office's 督办 apply to it), and the notice is
     * closed as SUPERVISED. The reason is required; a second call finds the same case (one per notice).
     */
    @PreAuthorize(INSPECTOR)
    @Transactional
    public NoticeRow handToSupervision(long noticeId, long expectedVersion, String reason) {
        NoticeRow n = failed(noticeId);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new RuleViolation("notice.error.supervisionReason");
        }
        List<FindingRow> failedFindings = store.findingsOfNotice(noticeId).stream()
                .filter(f -> f.state() != FindingState.PASSED).toList();
        FindingRow first = failedFindings.get(0);
        String description = n.number() + " " + failedFindings.stream().map(f -> f.itemName() + "（" + f.address()
                + "）").collect(Collectors.joining("；")) + "：" + reason.strip();
        String caseNumber = cases.register(new NewCase(Channel.INSPECTION, "N" + noticeId, store.now(), null, null,
                true, first.districtCode(), first.streetCode(), first.address(), null, null,
                description.length() > 2000 ? description.substring(0, 2000) : description, first.itemCode()),
                List.of()).number();
        int changed = jdbc.update("""
                UPDATE rectification_notice SET state = 'SUPERVISED', version = version + 1
                WHERE id = :id AND version = :version AND state = 'FAILED'""",
                new MapSqlParameterSource("id", noticeId).addValue("version", expectedVersion));
        if (changed == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
        store.history("NOTICE", noticeId, "SUPERVISED", caseNumber + " " + reason.strip());
        events.publishEvent(AuditEvent.change(user.username(), "RECTIFICATION_HANDED_TO_SUPERVISION",
                "rectification_notice", noticeId, n.state().name(), NoticeState.SUPERVISED + " " + caseNumber));
        return store.notice(noticeId);
    }

    private NoticeRow failed(long noticeId) {
        NoticeRow n = store.notice(noticeId);
        if (n.state() != NoticeState.FAILED) {
            throw new RuleViolation("notice.error.notFailed");
        }
        return n;
    }

    private void reopen(NoticeRow n, long expectedVersion, LocalDateTime due, boolean clearAnswer) {
        int changed = jdbc.update("""
                UPDATE rectification_notice SET state = 'ISSUED', current_due_at = :due, overdue_notified_at = NULL,
                  answer_text = CASE WHEN :clear THEN NULL ELSE answer_text END,
                  answered_by = CASE WHEN :clear THEN NULL ELSE answered_by END,
                  answered_at = CASE WHEN :clear THEN NULL ELSE answered_at END,
                  version = version + 1 WHERE id = :id AND version = :version AND state = 'FAILED'""",
                new MapSqlParameterSource("id", n.id()).addValue("version", expectedVersion).addValue("due", due)
                        .addValue("clear", clearAnswer));
        if (changed == 0) {
            throw new RuleViolation("inspection.error.changed");
        }
    }

    /**
     * Marks notices whose deadline in force passed without an answer, once, and tells their units. Run by
     * {@link NoticeSweep}; open to the system (no user).
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public int sweepOverdue() {
        LocalDateTime now = store.now();
        List<NoticeRow> late = jdbc.query(NOTICE_SELECT + " " + """
                 WHERE n.state IN ('ISSUED','FAILED') AND n.current_due_at <= :now AND n.overdue_notified_at IS NULL
                 ORDER BY n.id LIMIT 500 FOR UPDATE""", Map.of("now", now), store::noticeRow);
        for (NoticeRow n : late) {
            jdbc.update("UPDATE rectification_notice SET overdue_notified_at = :now WHERE id = :id",
                    Map.of("now", now, "id", n.id()));
            store.history("NOTICE", n.id(), "OVERDUE", null);
            events.publishEvent(new NoticeOverdue(n.id(), n.number(), n.unitCode(), n.currentDueAt()));
        }
        return late.size();
    }

    /** The notice to print and sign (PDF); a clerk gets only their own unit's. The download is audited. */
    @PreAuthorize(READ_NOTICES)
    @Transactional
    public byte[] noticePdf(long noticeId) {
        NoticeRow n = store.notice(noticeId);
        byte[] pdf = documents.noticePdf(n, store.round(n.roundId()), store.findingsOfNotice(noticeId),
                store::unitName);
        events.publishEvent(AuditEvent.of(user.username(), "RECTIFICATION_NOTICE_DOWNLOADED", n.number()));
        return pdf;
    }

    /** The findings on a notice; a clerk reads only those of their own unit's notices. */
    @PreAuthorize(READ_NOTICES)
    @Transactional(readOnly = true)
    public List<FindingRow> findingsOfNotice(long noticeId) {
        return store.findingsOfNotice(noticeId);
    }
}
