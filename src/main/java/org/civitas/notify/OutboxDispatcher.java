package org.civitas.notify;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages. Each batch is one transaction: it locks up to {@code civitas.outbox.batch-size} due
 * PENDING rows with {@code FOR UPDATE SKIP LOCKED} (so any number of app nodes can run this at once, each taking
 * other rows, with no scheduler lock), sends each one, and marks it SENT, or schedules a retry, under that lock.
 *
 * <p>Never twice, within what an outbox can promise: a row is sent only while this transaction holds its lock and
 * is marked SENT in the same transaction, so no other run can pick it meanwhile and no later run picks it again.
 * The one inherent gap is a crash (or a lost database connection) after the server accepted the message and
 * before the commit: the row is still PENDING and is sent again. That is at-least-once delivery, the limit of any
 * outbox without a receiver that de-duplicates (the mail carries {@code X-Civitas-Outbox-Id} for that); a smaller
 * batch narrows the window to fewer messages.
 *
 * <p>A failed send counts an attempt, keeps the error and waits 1, 2, 4 … minutes (capped) before the next;
 * after {@code civitas.outbox.max-attempts} the row is FAILED and kept for the administrators. A channel without a
 * configured sender is not even selected: its rows wait as PENDING.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MessageSenders senders;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final MeterRegistry meters;

    OutboxDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, MessageSenders senders, Clock clock,
                     MeterRegistry meters,
                     @Value("${civitas.outbox.batch-size:10}") int batchSize,
                     @Value("${civitas.outbox.max-attempts:10}") int maxAttempts,
                     @Value("${civitas.outbox.first-retry:1m}") Duration firstRetry,
                     @Value("${civitas.outbox.max-retry:1h}") Duration maxRetry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.senders = senders;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${civitas.outbox.delay-ms:5000}",
            initialDelayString = "${civitas.outbox.initial-delay-ms:10000}")
    void scheduled() {
        try {
            int sent = dispatchDue();
            if (sent > 0) {
                log.debug("Outbox: sent {} messages", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox run failed; the rows stay PENDING for the next run", e);
        }
    }

    /** Sends what is due now; returns how many messages were sent. */
    int dispatchDue() {
        Set<OutboxChannel> channels = senders.configured();
        if (channels.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int[] batch = tx.execute(status -> dispatchBatch(channels));
            sent += batch[1];
            if (batch[0] < batchSize) {
                break;
            }
        }
        return sent;
    }

    /** @return {rows locked, rows sent} */
    private int[] dispatchBatch(Set<OutboxChannel> channels) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Object> params = new ArrayList<>();
        params.add(now);
        channels.forEach(c -> params.add(c.name()));
        params.add(batchSize);
        List<Due> due = jdbc.query("""
                select id, channel, recipient, subject, body, attempts from outbox_message
                where state = 'PENDING' and next_attempt_at <= ? and channel in (%s)
                order by next_attempt_at, id
                limit ? for update skip locked""".formatted(String.join(",", Collections.nCopies(channels.size(),
                        "?"))),
                (rs, n) -> new Due(new OutboundMessage(rs.getLong(1), OutboxChannel.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)), rs.getInt(6)), params.toArray());
        int sent = 0;
        for (Due d : due) {
            OutboundMessage m = d.message();
            MessageSender sender = senders.of(m.channel()).orElse(null);
            if (sender == null) {
                continue; // unconfigured since the select: leave it PENDING
            }
            try {
                sender.send(m);
            } catch (Exception e) {
                failed(m, d.attempts() + 1, e, now);
                continue;
            }
            jdbc.update("""
                    update outbox_message set state = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null,
                        version = version + 1
                    where id = ?""", now, m.id());
            sent++;
        }
        return new int[] {due.size(), sent};
    }

    private void failed(OutboundMessage m, int attempts, Exception e, LocalDateTime now) {
        meters.counter("civitas.outbox.send.failures", "kind", m.channel().name()).increment();
        if (m.channel() == OutboxChannel.WEBHOOK) {
            // the recipient of a callback is its channel system's code: a handful, set up by the administrators
            meters.counter("civitas.callbacks.failures", "system", m.recipient()).increment();
        }
        String error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
        if (attempts >= maxAttempts) {
            log.warn("Outbox message {} ({}) FAILED after {} attempts: {}", m.id(), m.channel(), attempts, error);
            jdbc.update("""
                    update outbox_message set state = 'FAILED', attempts = ?, last_error = ?, version = version + 1
                    where id = ?""", attempts, error, m.id());
        } else {
            LocalDateTime next = now.plus(backoff(attempts));
            log.info("Outbox message {} ({}) attempt {} failed, next at {}: {}", m.id(), m.channel(), attempts, next,
                    error);
            jdbc.update("""
                    update outbox_message set attempts = ?, last_error = ?, next_attempt_at = ?, version = version + 1
                    where id = ?""", attempts, error, next, m.id());
        }
    }

    /** 1, 2, 4 … times the first retry after the 1st, 2nd, 3rd … failure, never more than the cap. */
    Duration backoff(int attempts) {
        Duration d = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }

    private record Due(OutboundMessage message, int attempts) {
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
