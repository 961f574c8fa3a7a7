package org.civitas.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civitas.audit.AuditEvent;
import org.civitas.base.web.RateBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows failed logins down instead of locking accounts (docs/decisions/DD021-login-throttling.md). Three counts:
 * <ul>
 * <li>per account and client address: a few free failures, then each attempt waits twice as long as the one
 * before, up to {@code longest-wait};</li>
 * <li>per client address, across accounts: a failure allowance (a {@link RateBuckets} bucket) that refills over an
 * hour; once spent, the address waits for the next failure it may make;</li>
 * <li>per account, across addresses: a burst (many failures with no pause) tells the administrators and makes the
 * addresses that already failed for the account wait from their first failure on, at most {@code brake-wait}.
 * Addresses that did not fail are never slowed by it, so strangers cannot keep the owner out.</li>
 * </ul>
 * An attempt is counted before the password is checked and forgiven when it succeeds, so that parallel requests
 * cannot all slip through the same opening. Names are counted as typed, known or not.
 */
@Component
class LoginThrottle {

    /** What {@link #admit} decided: an attempt that may go ahead, or how long until one may. */
    record Verdict(boolean allowed, long waitMillis) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    static final String ADDRESS_BUCKET = "LOGIN_ADDR|";
    private static final String UPSERT = """
            insert into login_failure (failure_key, failures, last_failure_at) values (?, 1, ?)
            on duplicate key update failures = if(last_failure_at < ?, 1, failures + 1), last_failure_at = ?""";

    private final JdbcTemplate jdbc;
    private final RateBuckets buckets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int freeFailures;
    private final long firstWait;
    private final long longestWait;
    private final long forgetAfter;
    private final int addressFailures;
    private final Duration addressRefill;
    private final int accountBurst;
    private final long burstPause;
    private final long brakeWait;

    LoginThrottle(JdbcTemplate jdbc, RateBuckets buckets, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager transactions,
                  @Value("${civitas.security.login.free-failures:3}") int freeFailures,
                  @Value("${civitas.security.login.first-wait:PT1S}") Duration firstWait,
                  @Value("${civitas.security.login.longest-wait:PT15M}") Duration longestWait,
                  @Value("${civitas.security.login.forget-after:PT1H}") Duration forgetAfter,
                  @Value("${civitas.security.login.address-failures:20}") int addressFailures,
                  @Value("${civitas.security.login.address-refill:PT1H}") Duration addressRefill,
                  @Value("${civitas.security.login.account-burst:10}") int accountBurst,
                  @Value("${civitas.security.login.burst-pause:PT10M}") Duration burstPause,
                  @Value("${civitas.security.login.brake-wait:PT1M}") Duration brakeWait) {
        this.jdbc = jdbc;
        this.buckets = buckets;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.freeFailures = freeFailures;
        this.firstWait = firstWait.toMillis();
        this.longestWait = longestWait.toMillis();
        this.forgetAfter = forgetAfter.toMillis();
        this.addressFailures = addressFailures;
        this.addressRefill = addressRefill;
        this.accountBurst = accountBurst;
        this.burstPause = burstPause.toMillis();
        this.brakeWait = brakeWait.toMillis();
    }

    /**
     * Decides whether an attempt may check its password now, and if so counts it as a failure until
     * {@link #succeeded} forgives it. Each step is one short transaction on its own, never two connections at once.
     */
    Verdict admit(String account, String address) {
        String addressKey = ADDRESS_BUCKET + address(address);
        RateBuckets.Take fromAddress = buckets.take(addressKey, addressFailures, addressRefill, true);
        if (!fromAddress.allowed()) {
            return new Verdict(false, Math.max(1, fromAddress.retryAfterMillis()));
        }
        long wait = tx.execute(s -> admitPair(account, address));
        if (wait > 0) {
            buckets.giveBack(addressKey, addressFailures);
            return new Verdict(false, wait);
        }
        return Verdict.ALLOWED;
    }

    private long admitPair(String account, String address) {
        long now = clock.millis();
        String pair = pairKey(account, address);
        jdbc.update("insert ignore into login_failure (failure_key, failures, last_failure_at) values (?, 0, ?)",
                pair, now);
        long[] p = jdbc.queryForObject("select failures, last_failure_at from login_failure where failure_key = ?"
                + " for update", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, pair);
        long failures = now - p[1] > forgetAfter ? 0 : p[0];
        long wait = remaining(p[1], now, delay(failures, freeFailures, longestWait));
        if (underAttack(account, now)) {
            wait = Math.max(wait, remaining(p[1], now, delay(failures, 1, brakeWait)));
        }
        if (wait == 0) {
            jdbc.update("update login_failure set failures = ?, last_failure_at = ? where failure_key = ?",
                    failures + 1, now, pair);
        }
        return wait;
    }

    private boolean underAttack(String account, long now) {
        List<long[]> rows = jdbc.query("select failures, last_failure_at from login_failure where failure_key = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, accountKey(account));
        return !rows.isEmpty() && rows.get(0)[0] >= accountBurst && now - rows.get(0)[1] <= burstPause;
    }

    /** The wait after {@code failures} failures in a row: none for the free ones, then doubling, at most cap. */
    long delay(long failures, int free, long cap) {
        if (failures < free) {
            return 0;
        }
        // past 30 doublings any cap is reached long before; the bound keeps the shift from overflowing
        return Math.min(cap, firstWait << (int) Math.min(failures - free, 30));
    }

    private static long remaining(long last, long now, long delay) {
        return delay == 0 ? 0 : Math.max(0, last + delay - now);
    }

    /** The password was right: the attempt counted by {@link #admit} is forgiven, and the pair starts afresh. */
    void succeeded(String account, String address) {
        jdbc.update("delete from login_failure where failure_key = ?", pairKey(account, address));
        buckets.giveBack(ADDRESS_BUCKET + address(address), addressFailures);
    }

    /**
     * The password was wrong (the pair and the address were counted by {@link #admit}): counts the failure for the
     * account and the address and tells the administrators when one of them starts a burst, once per burst.
     */
    void failed(String account, String address) {
        tx.executeWithoutResult(s -> {
            long now = clock.millis();
            int forAccount = count(accountKey(account), now);
            int fromAddress = count(addressKey(address), now);
            if (forAccount == accountBurst) {
                events.publishEvent(new LoginBurst(name(account), null, forAccount));
                events.publishEvent(AuditEvent.of(name(account), "LOGIN_BURST", "account, " + forAccount
                        + " failures"));
            }
            if (fromAddress == addressFailures) {
                events.publishEvent(new LoginBurst(null, address(address), fromAddress));
                events.publishEvent(AuditEvent.of(name(account), "LOGIN_BURST", "address " + address(address)
                        + ", " + fromAddress + " failures"));
            }
        });
    }

    /** Counts one failure under the key; a pause longer than {@code burst-pause} starts a new burst at one. */
    private int count(String key, long now) {
        jdbc.update(UPSERT, key, now, now - burstPause, now);
        return jdbc.queryForObject("select failures from login_failure where failure_key = ?", Integer.class, key);
    }

    /** An administrator lifts the waits of an account (e.g. after resetting a forgotten password). */
    void forget(String account) {
        String name = name(account);
        jdbc.update("delete from login_failure where failure_key = ? or failure_key like ?", accountKey(account),
                "P|" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%");
    }

    /** Counts older than a day hold nothing {@link #forgetAfter} or {@link #burstPause} would still read. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOld() {
        jdbc.update("delete from login_failure where last_failure_at < ?",
                clock.millis() - Math.max(Duration.ofDays(1).toMillis(), Math.max(forgetAfter, burstPause)));
    }

    private static String pairKey(String account, String address) {
        return "P|" + name(account) + "|" + address(address);
    }

    private static String accountKey(String account) {
        return "A|" + name(account);
    }

    private static String addressKey(String address) {
        return "X|" + address(address);
    }

    /** Login names compare case-insensitively in the database; anything longer than a name may be is cut. */
    static String name(String account) {
        String n = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    /**
     * The client address as counted: IPv4 as it is, IPv6 by its /64 network, since one subscriber usually holds a
     * whole /64 and could otherwise change address at every attempt.
     */
    static String address(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        String a = address.trim();
        if (a.indexOf(':') < 0) {
            return a.length() > 45 ? a.substring(0, 45) : a;
        }
        try {
            byte[] bytes = InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return a.length() > 45 ? a.substring(0, 45) : a;
        }
    }
}
