package org.civitas.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices are written with the change that causes them and sent through the outbox to a real SMTP server
 * (GreenMail, on a free port, wired in through the sender registry so the suite keeps its one Spring context).
 */
@IntegrationTest
class NotificationsTest {

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String WUCHANG_MAIL = "wuchang@civitas.test";
    static GreenMail smtp;
    static EmailSender toGreenMail;

    @Autowired CaseService cases;
    @Autowired NotificationService notifications;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired MessageSenders senders;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    MessageSender configuredEmail;

    @BeforeAll
    static void startSmtp() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.setDefaultEncoding("UTF-8");
        toGreenMail = new EmailSender(mail, "civitas@civitas.test");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0)); // Monday
        smtp.reset();
        configuredEmail = senders.replace(OutboxChannel.EMAIL, toGreenMail);
        jdbc.update("update app_user set email = ? where username = 'clerk.wuchang'", WUCHANG_MAIL);
    }

    @AfterEach
    void tearDown() {
        senders.replace(OutboxChannel.EMAIL, configuredEmail);
        jdbc.update("update app_user set email = null where username = 'clerk.wuchang'");
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_dispatch_notifies_the_units_clerk_and_mails_exactly_once_in_chinese() throws Exception {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").in("D05", "S0501").build()));

        Map<String, Object> n = jdbc.queryForMap("select * from notification where case_number = ?", c.number());
        assertThat(n.get("recipient")).isEqualTo("clerk.wuchang");
        assertThat(n.get("kind")).isEqualTo("DISPATCHED");
        assertThat(n.get("message_key")).isEqualTo("notify.dispatched");
        String due = MINUTES.format(c.handleDueAt());
        assertThat(n.get("message_args")).isEqualTo("[\"" + c.number() + "\",\"" + due + "\"]");
        Map<String, Object> row = outboxOf(c.number());
        assertThat(row.get("channel")).isEqualTo("EMAIL");
        assertThat(row.get("recipient")).isEqualTo(WUCHANG_MAIL);
        assertThat(row.get("state")).isEqualTo("PENDING");
        assertThat(((Number) row.get("notification_id")).longValue()).isEqualTo(((Number) n.get("id")).longValue());

        dispatcher.dispatchDue();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(WUCHANG_MAIL);
        assertThat(received[0].getSubject()).isEqualTo("【文明城市】派单通知 " + c.number());
        assertThat(received[0].getContent().toString()).startsWith("工单 " + c.number() + " 已派给贵单位，请于 "
                + due + " 前办结。");
        assertThat(received[0].getHeader("X-Civitas-Outbox-Id")[0]).isEqualTo(row.get("id").toString());
        assertThat(outboxOf(c.number())).containsEntry("state", "SENT").containsEntry("attempts", 1);

        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertThat(smtp.waitForIncomingEmail(500, 2)).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_failing_mail_server_is_retried_with_backoff_and_the_mail_delivered_once_after_recovery() {
        AtomicInteger calls = new AtomicInteger();
        senders.replace(OutboxChannel.EMAIL, new MessageSender() {
            @Override
            public OutboxChannel channel() {
                return OutboxChannel.EMAIL;
            }

            @Override
            public void send(OutboundMessage m) throws Exception {
                if (calls.incrementAndGet() <= 2) {
                    throw new MailSendException("Connection refused");
                }
                toGreenMail.send(m);
            }
        });
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));

        dispatcher.dispatchDue();
        assertThat(outboxOf(c.number())).containsEntry("state", "PENDING").containsEntry("attempts", 1)
                .containsEntry("next_attempt_at", Timestamp.valueOf(LocalDateTime.of(2026, 3, 2, 9, 1)))
                .hasEntrySatisfying("last_error", e -> assertThat(e.toString()).contains("Connection refused"));
        dispatcher.dispatchDue(); // not due yet: no attempt
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(outboxOf(c.number())).containsEntry("attempts", 2)
                .containsEntry("next_attempt_at", Timestamp.valueOf(LocalDateTime.of(2026, 3, 2, 9, 3)));
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(calls).hasValue(2);

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(outboxOf(c.number())).containsEntry("state", "SENT").containsEntry("attempts", 3)
                .containsEntry("last_error", null);
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(calls).hasValue(3);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_message_that_never_goes_through_is_failed_after_the_last_attempt_and_kept() {
        senders.replace(OutboxChannel.EMAIL, new MessageSender() {
            @Override
            public OutboxChannel channel() {
                return OutboxChannel.EMAIL;
            }

            @Override
            public void send(OutboundMessage m) {
                throw new MailSendException("550 mailbox unavailable");
            }
        });
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        for (int i = 0; i < 12; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(2));
        }
        assertThat(outboxOf(c.number())).containsEntry("state", "FAILED").containsEntry("attempts", 10)
                .hasEntrySatisfying("last_error", e -> assertThat(e.toString()).contains("550"));
    }

    @Test
    void two_dispatchers_at_once_send_a_message_only_once() throws Exception {
        CountDownLatch inSend = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger sends = new AtomicInteger();
        senders.replace(OutboxChannel.EMAIL, new MessageSender() {
            @Override
            public OutboxChannel channel() {
                return OutboxChannel.EMAIL;
            }

            @Override
            public void send(OutboundMessage m) throws Exception {
                sends.incrementAndGet();
                inSend.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                toGreenMail.send(m);
            }
        });
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        var first = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> firstRun = first.submit(dispatcher::dispatchDue);
            assertThat(inSend.await(10, TimeUnit.SECONDS)).isTrue();
            // the first node holds the row's lock while it talks to the server: the second skips the row
            assertThat(dispatcher.dispatchDue()).isZero();
            release.countDown();
            assertThat(firstRun.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
        } finally {
            release.countDown();
            first.shutdownNow();
        }
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(sends).hasValue(1);
        assertThat(outboxOf(c.number())).containsEntry("state", "SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void backoff_doubles_from_one_minute_up_to_the_cap() {
        assertThat(List.of(1, 2, 3, 4, 7, 8, 20).stream().map(dispatcher::backoff).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 60L, 60L, 60L);
    }

    @Test
    void a_change_that_rolls_back_leaves_no_notification_and_no_outbox_row() {
        String[] number = new String[1];
        tx.executeWithoutResult(status -> {
            number[0] = as("operator", () -> cases.register(aReport().item("SR-04").build())).number();
            // written in the very transaction of the change...
            assertThat(notificationsOf(number[0])).isEqualTo(1);
            assertThat(outboxCount(number[0])).isEqualTo(1);
            status.setRollbackOnly();
        });
        // ...so they vanish with it
        assertThat(notificationsOf(number[0])).isZero();
        assertThat(outboxCount(number[0])).isZero();
    }

    @Test
    void notices_of_many_cases_at_once_are_the_rows_and_mails_a_notice_per_case_gives() {
        LocalDateTime due = LocalDateTime.of(2026, 3, 3, 17, 30);
        long one = 900_001, many = 900_002;
        tx.executeWithoutResult(s -> {
            notifications.notifyUnit("D05", NotificationKind.OVERDUE, one, "WM-ONE", "notify.overdue", "WM-ONE", due);
            notifications.notifyUnits(NotificationKind.OVERDUE, "notify.overdue", List.of(
                    new CaseNotice("D05", many, "WM-MANY", List.of("WM-MANY", due)),
                    new CaseNotice("D01", many + 1, "WM-MANY-1", List.of("WM-MANY-1", due)),
                    new CaseNotice(null, many + 2, "WM-MANY-2", List.of("WM-MANY-2", due))));
        });
        // the rows of the case told alone, its number swapped for the other's: what the batch must have written
        String asOne = """
                select n.recipient who, n.kind, n.message_key, replace(n.message_args, 'WM-ONE', 'WM-MANY') args,
                       n.created_at, n.read_at, o.channel, o.recipient address,
                       replace(o.subject, 'WM-ONE', 'WM-MANY') subject, replace(o.body, 'WM-ONE', 'WM-MANY') body,
                       o.state, o.attempts, o.next_attempt_at, o.created_at queued_at
                from notification n left join outbox_message o on o.notification_id = n.id where n.case_id = ?""";
        String asMany = """
                select n.recipient who, n.kind, n.message_key, n.message_args args, n.created_at, n.read_at,
                       o.channel, o.recipient address, o.subject, o.body, o.state, o.attempts, o.next_attempt_at,
                       o.created_at queued_at
                from notification n left join outbox_message o on o.notification_id = n.id where n.case_id = ?""";
        Map<String, Object> alone = jdbc.queryForMap(asOne, one);
        assertThat(alone).containsEntry("who", "clerk.wuchang").containsEntry("address", WUCHANG_MAIL);
        assertThat(alone.get("body").toString()).contains("WM-MANY");
        assertThat(jdbc.queryForList(asMany, many)).containsExactly(alone);
        assertThat(jdbc.queryForList("select recipient from notification where case_id = ?", String.class, many + 1))
                .containsExactly("clerk.jiangan");
        assertThat(jdbc.queryForObject("select count(*) from notification where case_id = ?", Integer.class,
                many + 2)).isZero();
        // no mail left pending for the other tests' dispatcher runs
        jdbc.update("delete o from outbox_message o join notification n on n.id = o.notification_id"
                + " where n.case_id in (?, ?)", one, many);
    }

    @Test
    void notices_are_only_written_inside_the_callers_transaction() {
        assertThatThrownBy(() -> notifications.notifyUsers(List.of("clerk.wuchang"), NotificationKind.OTHER, null,
                null, "notify.none")).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void an_email_without_a_configured_sender_waits_as_pending() {
        senders.replace(OutboxChannel.EMAIL, null);
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(outboxOf(c.number())).containsEntry("state", "PENDING").containsEntry("attempts", 0);
        // once a server is configured it goes out
        senders.replace(OutboxChannel.EMAIL, toGreenMail);
        dispatcher.dispatchDue();
        assertThat(outboxOf(c.number())).containsEntry("state", "SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void the_complainant_gets_a_text_message_through_the_sms_channel() {
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        tx.executeWithoutResult(s -> notifications.smsToComplainant(phone, "sms.replyReady", "WM202603020001",
                "K7P2XQ"));
        Map<String, Object> row = jdbc.queryForMap("select * from outbox_message where recipient = ?", phone);
        assertThat(row).containsEntry("channel", "SMS").containsEntry("state", "PENDING")
                .containsEntry("body", "【文明城市】您反映的问题（工单 WM202603020001）已办理完毕，请凭工单号和查询码 K7P2XQ 查看结果并评价。");
        dispatcher.dispatchDue();
        assertThat(jdbc.queryForObject("select state from outbox_message where recipient = ?", String.class, phone))
                .isEqualTo("SENT");
    }

    @Test
    void the_bell_counts_only_the_users_own_unread_notifications() {
        jdbc.update("update app_user set email = null where username = 'clerk.wuchang'"); // the bell alone
        as("clerk.wuchang", () -> notifications.markAllRead());
        as("clerk.jiangan", () -> notifications.markAllRead());
        tx.executeWithoutResult(s -> {
            notifications.notifyUsers(List.of("clerk.wuchang"), NotificationKind.OTHER, null, null,
                    "notify.dispatched", "WM1", LocalDateTime.of(2026, 3, 3, 17, 30));
            notifications.notifyUnit("D05", NotificationKind.WARNING, 7L, "WM2", "notify.warning", "WM2",
                    LocalDateTime.of(2026, 3, 3, 17, 30));
        });
        assertThat(as("clerk.wuchang", () -> notifications.unreadCount())).isEqualTo(2);
        assertThat(as("clerk.jiangan", () -> notifications.unreadCount())).isZero();
        List<NotificationView> latest = as("clerk.wuchang", () -> notifications.latest(10));
        assertThat(latest.get(0).kind()).isEqualTo(NotificationKind.WARNING);
        assertThat(latest.get(0).args()).containsExactly("WM2", "2026-03-03 17:30");

        as("clerk.jiangan", () -> notifications.markRead(latest.get(0).id())); // not theirs: nothing happens
        assertThat(as("clerk.wuchang", () -> notifications.unreadCount())).isEqualTo(2);
        as("clerk.wuchang", () -> notifications.markRead(latest.get(0).id()));
        assertThat(as("clerk.wuchang", () -> notifications.unreadCount())).isEqualTo(1);
    }

    private Map<String, Object> outboxOf(String caseNumber) {
        return jdbc.queryForMap("""
                select o.* from outbox_message o join notification n on n.id = o.notification_id
                where n.case_number = ?""", caseNumber);
    }

    private int outboxCount(String caseNumber) {
        return jdbc.queryForObject("""
                select count(*) from outbox_message o join notification n on n.id = o.notification_id
                where n.case_number = ?""", Integer.class, caseNumber);
    }

    private int notificationsOf(String caseNumber) {
        return jdbc.queryForObject("select count(*) from notification where case_number = ?", Integer.class,
                caseNumber);
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }

    private void as(String username, Runnable action) {
        RunAs.account(users, username, action);
    }
}
