package org.civitas.cases.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wrong tracking codes per case number, across every client address and app node (rows of {@code track_lock}, keyed
 * by the {@link CaseNumber#canonical} number, whether or not such a case exists, so a lock tells nothing).
 *
 * <p>Each attempt is counted before its code is checked, in a short transaction of its own that locks the number's
 * row: parallel requests cannot slip more attempts past the allowance than it holds. A wrong code leaves its count;
 * once the allowance is spent the number pauses for {@code number-lock}, and every further pause lasts twice as long
 * as the one before, up to {@code number-lock-max}. The right code forgets the number's count and pauses; so does a
 * quiet {@code number-forget} after the last attempt or pause. Every pause is audited ({@code TRACKING_LOCKED}),
 * logged and counted.
 *
 * <p>The last four digits of the phone (accepted only for cases without a tracking code) have 10,000 values: an
 * attempt in that form costs {@link #PHONE_DIGITS_COST}, so it gets half the attempts. The cost depends on what was
 * typed, never on the case, so it reveals nothing about the case either.
 */
@Component
class TrackingLock {

    static final int PHONE_DIGITS_COST = 2;
    static final String LOCKED = "TRACKING_LOCKED";

    private static final Logger log = LoggerFactory.getLogger(TrackingLock.class);

    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final int allowance;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Duration forgetAfter;
    private final AtomicLong locksStarted = new AtomicLong();

    TrackingLock(Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events,
                 @Value("${civitas.public.wrong-codes-per-number:10}") int allowance,
                 @Value("${civitas.public.number-lock:PT15M}") Duration firstLock,
                 @Value("${civitas.public.number-lock-max:PT24H}") Duration maxLock,
                 @Value("${civitas.public.number-forget:P1D}") Duration forgetAfter) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.allowance = allowance;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.forgetAfter = forgetAfter;
    }

    private record State(int strikes, int locks, Long lockedUntil, long lastAt) {
    }

    /**
     * Counts an attempt at the number that costs {@code cost} of its allowance. Refused with
     * {@code citizen.error.numberLocked} (and the minutes to wait) while the number pauses or when its allowance is
     * spent; then nothing is looked up.
     */
    void attempt(String number, int cost) {
        Long waitMillis = tx.execute(status -> {
            long now = clock.millis();
            jdbc.update("insert into track_lock (number, strikes, locks, locked_until, last_at) values (?, 0, 0, null, ?)"
                    + " on duplicate key update number = number", number, now);
            State s = load(number);
            if (s.lockedUntil() != null && s.lockedUntil() > now) {
                return s.lockedUntil() - now;
            }
            long quietSince = Math.max(s.lastAt(), s.lockedUntil() == null ? 0 : s.lockedUntil());
            if (now - quietSince > forgetAfter.toMillis()) {
                s = new State(0, 0, null, now);
            }
            if (s.strikes() + cost > allowance) {
                // spent by attempts still being checked, or a 2-cost attempt on the last point: pause now
                return start(number, s, now) - now;
            }
            jdbc.update("update track_lock set strikes = ?, locks = ?, locked_until = ?, last_at = ? where number = ?",
                    s.strikes() + cost, s.locks(), s.lockedUntil(), now, number);
            return null;
        });
        if (waitMillis != null) {
            throw new RuleViolation("citizen.error.numberLocked", Math.max(1, (waitMillis + 59_999) / 60_000));
        }
    }

    /** The attempt's code was wrong: once the allowance is spent, the number pauses. */
    void failed(String number) {
        tx.executeWithoutResult(status -> {
            long now = clock.millis();
            jdbc.query("select strikes, locks, locked_until, last_at from track_lock where number = ? for update",
                    rs -> {
                        State s = state(rs);
                        boolean pausing = s.lockedUntil() != null && s.lockedUntil() > now;
                        if (!pausing && s.strikes() >= allowance) {
                            start(number, s, now);
                        }
                    }, number);
        });
    }

    /** The attempt's code was right: the number's count and pauses are forgotten. */
    void passed(String number) {
        tx.executeWithoutResult(status -> jdbc.update("delete from track_lock where number = ?", number));
    }

    /** Pauses since this node started (tests, monitoring). */
    long locksStarted() {
        return locksStarted.get();
    }

    /** Forgets every number's count and pause (tests; an operator lifting a pause by hand deletes the row). */
    void forgetAll() {
        tx.executeWithoutResult(status -> jdbc.update("delete from track_lock"));
    }

    /** The pause after {@code locks} pauses before it: first-lock, doubled each time, at most max-lock. */
    Duration pause(int locksBefore) {
        Duration d = firstLock;
        for (int i = 0; i < locksBefore && d.compareTo(maxLock) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxLock) > 0 ? maxLock : d;
    }

    /** Starts the next pause; returns when it ends. */
    private long start(String number, State s, long now) {
        int locks = s.locks() + 1;
        Duration pause = pause(s.locks());
        long until = now + pause.toMillis();
        jdbc.update("update track_lock set strikes = 0, locks = ?, locked_until = ?, last_at = ? where number = ?",
                locks, until, now, number);
        locksStarted.incrementAndGet();
        log.warn("Tracking lookups of case number {} paused for {} min (pause {} in a row): too many wrong codes",
                number, pause.toMinutes(), locks);
        events.publishEvent(new AuditEvent(CitizenCases.CITIZEN, LOCKED, "case_number", number, null, null,
                "pause " + locks + ", " + pause.toMinutes() + " min"));
        return until;
    }

    private State load(String number) {
        return jdbc.queryForObject("select strikes, locks, locked_until, last_at from track_lock where number = ?"
                + " for update", (rs, i) -> state(rs), number);
    }

    private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
        long until = rs.getLong(3);
        return new State(rs.getInt(1), rs.getInt(2), rs.wasNull() ? null : until, rs.getLong(4));
    }
}
