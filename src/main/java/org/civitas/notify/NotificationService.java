package org.civitas.notify;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.base.db.MultiRowInsert;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.security.Recipient;
import org.civitas.security.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells users (the bell, and e-mail where they have an address) and complainants (SMS) about a change. Every write
 * joins the caller's transaction and refuses to run without one: a notice commits with its change or not at all,
 * and the outbox then sends it at least once.
 */
@Service
public class NotificationService {

    static final Locale MAIL_LOCALE = TranslationProvider.CHINESE;
    /** The key of the per-transaction cache of {@link #clerksOf}. */
    private static final Object CLERKS_OF_UNIT = new Object();
    /** Rows per JDBC batch of {@link #notifyUnits}: one round trip each with the bulk protocol, bounded memory. */
    private static final int BATCH = 1000;
    private static final MultiRowInsert NOTICES = new MultiRowInsert("insert into notification (recipient, kind, "
            + "case_id, case_number, message_key, message_args, created_at) values ", "(?, ?, ?, ?, ?, ?, ?)", BATCH);
    private static final String INSERT_NOTIFICATION = NOTICES.sql(1);
    private static final String INSERT_OUTBOX = """
            insert into outbox_message (channel, recipient, subject, body, notification_id, state, attempts,
                                        next_attempt_at, created_at, version)
            values (?, ?, ?, ?, ?, ?, 0, ?, ?, 0)""";

    private final NotificationRepository notifications;
    private final OutboxRepository outbox;
    private final JdbcTemplate jdbc;
    private final UserDirectory directory;
    private final UserEmails emails;
    private final TranslationProvider translations;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String baseUrl;

    NotificationService(NotificationRepository notifications, OutboxRepository outbox, JdbcTemplate jdbc,
                        UserDirectory directory, UserEmails emails, TranslationProvider translations,
                        CurrentUser currentUser, Clock clock, @Value("${civitas.notify.base-url:}") String baseUrl) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.directory = directory;
        this.emails = emails;
        this.translations = translations;
        this.currentUser = currentUser;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // --- writing: on behalf of the system, so open to any caller (listeners, scheduled jobs) ----------------------

    /** Notifies the named users; those with an e-mail address also get a mail through the outbox. */
    @PreAuthorize("permitAll()") // called from event listeners and jobs, often with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyUsers(Collection<String> usernames, NotificationKind kind, Long caseId, String caseNumber,
                            String messageKey, Object... args) {
        Map<String, String> byName = new LinkedHashMap<>();
        usernames.forEach(u -> byName.put(u, null));
        emails.of(byName.keySet()).forEach(byName::put);
        byName.forEach((user, email) -> write(new Recipient(user, user, email), kind, caseId, caseNumber, messageKey,
                args));
    }

    /** Notifies the active clerks of a unit. */
    @PreAuthorize("permitAll()") // called from event listeners and jobs, often with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyUnit(String unitCode, NotificationKind kind, Long caseId, String caseNumber, String messageKey,
                           Object... args) {
        if (unitCode == null) {
            return;
        }
        List<String> strings = MessageArgs.strings(args);
        String encoded = MessageArgs.encode(strings);
        // a LocalDateTime, not a Timestamp: Connector/J encodes a Timestamp through a Calendar, which was 8 % of
        // the intake's CPU for the 26 notices of a dispatch (docs/benchmarks.md, intake)
        LocalDateTime now = now();
        List<Object[]> rows = new ArrayList<>();
        for (Recipient r : clerksOf(unitCode)) {
            if (r.email() == null || r.email().isBlank()) {
                rows.add(new Object[] {r.username(), kind.name(), caseId, caseNumber, messageKey, encoded, now});
            } else {
                write(r, kind, caseId, caseNumber, messageKey, args);
            }
        }
        // a unit has a few clerks or dozens: one statement for all of them, not one insert each (docs/benchmarks.md)
        insertNotifications(rows);
    }

    /** Notifications without a mail as multi-row INSERTs of up to {@link #BATCH} rows: one round trip each. */
    private void insertNotifications(List<Object[]> rows) {
        NOTICES.write(jdbc, rows.stream().map(Arrays::asList).toList());
    }

    /**
     * Notifies the active clerks of each case's unit about that case, all with one kind and message: the same rows
     * and mails as {@link #notifyUnit} once per case, written as JDBC batches (the deadline sweep tells units about
     * thousands of cases at once). Clerks are looked up once per unit.
     */
    @PreAuthorize("permitAll()") // called from event listeners and jobs, often with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyUnits(NotificationKind kind, String messageKey, Collection<CaseNotice> notices) {
        LocalDateTime now = now();
        List<Object[]> rows = new ArrayList<>();
        List<PendingMail> mails = new ArrayList<>();
        for (CaseNotice n : notices) {
            if (n.unitCode() == null) {
                continue;
            }
            List<String> args = MessageArgs.strings(n.args().toArray());
            String encoded = MessageArgs.encode(args);
            for (Recipient r : clerksOf(n.unitCode())) {
                Object[] row = {r.username(), kind.name(), n.caseId(), n.caseNumber(), messageKey, encoded, now};
                if (r.email() == null || r.email().isBlank()) {
                    rows.add(row);
                } else {
                    mails.add(new PendingMail(row, r.email().trim(), n, args));
                }
            }
            if (rows.size() >= BATCH) {
                insertNotifications(rows);
                rows.clear();
            }
            if (mails.size() >= BATCH) {
                writeWithMails(kind, messageKey, mails, now);
                mails.clear();
            }
        }
        insertNotifications(rows);
        if (!mails.isEmpty()) {
            writeWithMails(kind, messageKey, mails, now);
        }
    }

    /** Notifications whose recipient has an address, then one outbox mail each, pointing at its notification. */
    private void writeWithMails(NotificationKind kind, String messageKey, List<PendingMail> mails, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(INSERT_NOTIFICATION, Statement.RETURN_GENERATED_KEYS),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Object[] row = mails.get(i).row();
                        for (int c = 0; c < row.length; c++) {
                            ps.setObject(c + 1, row[c]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return mails.size();
                    }
                }, keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != mails.size()) {
            throw new IllegalStateException("Expected " + mails.size() + " notification ids, got " + ids.size());
        }
        List<Object[]> outbox = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            PendingMail m = mails.get(i);
            long id = ((Number) ids.get(i).values().iterator().next()).longValue();
            outbox.add(new Object[] {OutboxChannel.EMAIL.name(), m.email(), subject(kind, m.notice().caseNumber()),
                    mailBody(m.notice().caseId(), messageKey, m.args()), id, OutboxMessage.PENDING, now, now});
        }
        jdbc.batchUpdate(INSERT_OUTBOX, outbox);
    }

    private record PendingMail(Object[] row, String email, CaseNotice notice, List<String> args) {
    }

    /**
     * The active clerks of a unit, looked up once per unit and transaction: the deadline sweep tells units about
     * thousands of cases in one transaction, a few hundred units at most (docs/benchmarks.md). The list is dropped
     * when the transaction ends, so a clerk added or deactivated counts from the next one.
     */
    private List<Recipient> clerksOf(String unitCode) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return directory.withRoleInUnit(AppRoles.UNIT_CLERK, unitCode);
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Recipient>> clerks = (Map<String, List<Recipient>>) TransactionSynchronizationManager
                .getResource(CLERKS_OF_UNIT);
        if (clerks == null) {
            Map<String, List<Recipient>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(CLERKS_OF_UNIT, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CLERKS_OF_UNIT);
                }
            });
            clerks = fresh;
        }
        return clerks.computeIfAbsent(unitCode, u -> directory.withRoleInUnit(AppRoles.UNIT_CLERK, u));
    }

    /** A text message to the complainant (reply ready, rating link), rendered in Chinese. */
    @PreAuthorize("permitAll()") // called from event listeners and jobs, often with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void smsToComplainant(String phone, String messageKey, Object... args) {
        if (phone == null || phone.isBlank()) {
            return;
        }
        String text = render(messageKey, MessageArgs.strings(args));
        outbox.save(new OutboxMessage(OutboxChannel.SMS, phone.trim(), null, text, null, now()));
    }

    /**
     * A status callback to a channel system (channel WEBHOOK, recipient the system's code, {@code body} its JSON),
     * sent by the outbox once the caller's transaction commits and retried with its backoff.
     */
    @PreAuthorize("permitAll()") // called from event listeners, often with no user signed in
    @Transactional(propagation = Propagation.MANDATORY)
    public void webhook(String systemCode, String body) {
        LocalDateTime now = now();
        jdbc.update(INSERT_OUTBOX, OutboxChannel.WEBHOOK.name(), systemCode, null, body, null, OutboxMessage.PENDING,
                now, now);
    }

    private void write(Recipient r, NotificationKind kind, Long caseId, String caseNumber, String messageKey,
                       Object... args) {
        List<String> strings = MessageArgs.strings(args);
        Notification n = notifications.save(new Notification(r.username(), kind, caseId, caseNumber, messageKey,
                MessageArgs.encode(strings), now()));
        if (r.email() != null && !r.email().isBlank()) {
            outbox.save(new OutboxMessage(OutboxChannel.EMAIL, r.email().trim(), subject(kind, caseNumber),
                    mailBody(caseId, messageKey, strings), n.getId(), now()));
        }
    }

    private String subject(NotificationKind kind, String caseNumber) {
        String s = translations.getTranslation("notify.mail.subject", MAIL_LOCALE,
                translations.getTranslation("NotificationKind." + kind.name(), MAIL_LOCALE),
                caseNumber == null ? "" : caseNumber).trim();
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    private String mailBody(Long caseId, String messageKey, List<String> args) {
        StringBuilder body = new StringBuilder(render(messageKey, args)).append("\n\n");
        if (caseId != null && !baseUrl.isBlank()) {
            body.append(translations.getTranslation("notify.mail.link", MAIL_LOCALE, baseUrl + "/cases/" + caseId))
                    .append('\n');
        }
        return body.append(translations.getTranslation("notify.mail.footer", MAIL_LOCALE)).toString();
    }

    private String render(String messageKey, List<String> args) {
        return translations.getTranslation(messageKey, MAIL_LOCALE, args.toArray());
    }

    // --- the bell: the signed-in user's own notifications ----------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByRecipientAndReadAtIsNull(currentUser.username());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NotificationView> latest(int limit) {
        return notifications.findByRecipientOrderByIdDesc(currentUser.username(),
                Limit.of(Math.min(Math.max(limit, 1), 100))).stream().map(Notification::toView).toList();
    }

    /** Another user's notification is silently left alone: the id alone reveals nothing. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markRead(long id) {
        notifications.markRead(id, currentUser.username(), now());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(currentUser.username(), now());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
