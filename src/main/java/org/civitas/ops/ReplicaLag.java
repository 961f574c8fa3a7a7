package org.civitas.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code civitas.db.replica.lag} (seconds, {@code Seconds_Behind_Master}) and {@code civitas.db.replica.running}
 * (1 while the replica's IO and SQL threads both run) read from {@code SHOW REPLICA STATUS} on the replica named by
 * {@code civitas.db.replica.url}; without that property neither exists (docs/operations.md, CivitasReplicaLagging).
 * The replica is asked on a connection of its own (the app's pool writes to the primary), at most every
 * {@code civitas.db.replica.sample-every}, with short timeouts, so a scrape never waits long for a lost replica. The
 * account needs {@code SLAVE MONITOR} (docs/deploy.md).
 */
@Component
@ConditionalOnProperty(name = "civitas.db.replica.url")
class ReplicaLag implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);

    /** What the replica said: lag in seconds (NaN unknown: stopped, unreachable, not a replica), threads running. */
    record Status(double lagSeconds, boolean running) {
        static final Status UNKNOWN = new Status(Double.NaN, false);
    }

    private final String url;
    private final Properties account = new Properties();
    private final Duration every;
    private Status last = Status.UNKNOWN;
    private long lastAt;
    private boolean sampled;
    private String lastError;

    ReplicaLag(@Value("${civitas.db.replica.url}") String url,
               @Value("${civitas.db.replica.username:${spring.datasource.username:}}") String username,
               @Value("${civitas.db.replica.password:${spring.datasource.password:}}") String password,
               @Value("${civitas.db.replica.sample-every:PT15S}") Duration every) {
        // a replica that does not answer must not hold a scrape for Connector/J's defaults (no socket timeout)
        this.url = url + (url.contains("?") ? "&" : "?") + "connectTimeout=2000&socketTimeout=3000";
        account.setProperty("user", username);
        account.setProperty("password", password);
        this.every = every;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("civitas.db.replica.lag", this, r -> r.status().lagSeconds()).baseUnit("seconds")
                .description("How far the database replica is behind the primary (Seconds_Behind_Master)")
                .register(registry);
        Gauge.builder("civitas.db.replica.running", this, r -> r.status().running() ? 1 : 0)
                .description("1 while the replica's IO and SQL threads both run").register(registry);
    }

    synchronized Status status() {
        long now = System.nanoTime();
        if (!sampled || now - lastAt >= every.toNanos()) {
            last = ask();
            lastAt = now;
            sampled = true;
        }
        return last;
    }

    private Status ask() {
        try (Connection c = DriverManager.getConnection(url, account); Statement s = c.createStatement()) {
            s.setQueryTimeout(3);
            try (ResultSet rs = s.executeQuery("SHOW REPLICA STATUS")) {
                lastError = null;
                return rs.next() ? read(row(rs)) : Status.UNKNOWN;
            }
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!error.equals(lastError)) {
                log.warn("The replica's status cannot be read from {}: {}", url.replaceAll("\\?.*", ""), error);
            }
            lastError = error;
            return Status.UNKNOWN;
        }
    }

    private static Map<String, String> row(ResultSet rs) throws Exception {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getString(i));
        }
        return row;
    }

    /** One row of SHOW REPLICA STATUS (MariaDB names its columns Slave_…/…_Master up to 11.x, Replica_… later). */
    static Status read(Map<String, String> row) {
        boolean running = "Yes".equalsIgnoreCase(first(row, "Slave_IO_Running", "Replica_IO_Running"))
                && "Yes".equalsIgnoreCase(first(row, "Slave_SQL_Running", "Replica_SQL_Running"));
        String lag = first(row, "Seconds_Behind_Master", "Seconds_Behind_Source");
        return new Status(lag == null || lag.isBlank() ? Double.NaN : Double.parseDouble(lag), running);
    }

    private static String first(Map<String, String> row, String... names) {
        for (String n : names) {
            if (row.containsKey(n)) {
                return row.get(n);
            }
        }
        return null;
    }
}
