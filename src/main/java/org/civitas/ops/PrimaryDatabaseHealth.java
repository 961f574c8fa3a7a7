package org.civitas.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health check {@code db} (in readiness), in place of Spring Boot's: the database this node writes to answers within
 * {@code civitas.management.db-timeout} and is writable ({@code @@global.read_only} off, so a node pointed at a
 * replica, or at a primary demoted during a fail-over, is not ready). Hikari would wait its full connection timeout
 * for a stopped server; the check runs on a thread of its own and gives up sooner. While one check hangs, the next
 * ones are DOWN at once rather than piling up threads.
 */
@Component("dbHealthIndicator")
class PrimaryDatabaseHealth implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "db-health");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.AbortPolicy());

    PrimaryDatabaseHealth(DataSource dataSource, @Value("${civitas.management.db-timeout:PT3S}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    private record Answer(boolean readOnly, String version, long millis) {
    }

    @Override
    public Health health() {
        Future<Answer> answer;
        try {
            answer = executor.submit(this::ask);
        } catch (RejectedExecutionException e) {
            return Health.down().withDetail("error", "an earlier check is still waiting for the database").build();
        }
        try {
            Answer a = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Health.Builder b = a.readOnly() ? Health.down().withDetail("error", "the database is read-only")
                    : Health.up();
            return b.withDetail("database", "MariaDB " + a.version()).withDetail("millis", a.millis()).build();
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down().withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private Answer ask() throws Exception {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery("select @@global.read_only, version()")) {
                rs.next();
                return new Answer(rs.getBoolean(1), rs.getString(2), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
