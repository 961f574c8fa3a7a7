package org.civitas.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replica's lag as SHOW REPLICA STATUS reports it. A real replica is read by .ci/multi-node.sh (primary and
 * semi-synchronous replica); here its rows and a replica that cannot be reached.
 */
class ReplicaLagTest {

    @Test
    void a_running_replica_reports_its_seconds_behind_and_a_stopped_one_no_lag_and_not_running() {
        ReplicaLag.Status running = ReplicaLag.read(row("Yes", "Yes", "4"));
        assertThat(running.lagSeconds()).isEqualTo(4.0);
        assertThat(running.running()).isTrue();
        // the SQL thread stopped (an error in a replicated statement): MariaDB reports no lag at all
        ReplicaLag.Status stopped = ReplicaLag.read(row("Yes", "No", null));
        assertThat(stopped.lagSeconds()).isNaN();
        assertThat(stopped.running()).isFalse();
        // the IO thread reconnecting: the lag MariaDB still shows is kept, but the replica does not count as running
        ReplicaLag.Status connecting = ReplicaLag.read(row("Connecting", "Yes", "0"));
        assertThat(connecting.running()).isFalse();
        // newer servers' names
        Map<String, String> renamed = Map.of("Replica_IO_Running", "Yes", "Replica_SQL_Running", "Yes",
                "Seconds_Behind_Source", "12");
        assertThat(ReplicaLag.read(renamed)).isEqualTo(new ReplicaLag.Status(12, true));
    }

    @Test
    void a_replica_that_cannot_be_reached_reads_as_unknown_and_not_running_without_holding_the_scrape()
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ReplicaLag lag = new ReplicaLag("jdbc:mariadb://127.0.0.1:" + port + "/civitas", "civitas", "x",
                Duration.ofMinutes(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        lag.bindTo(registry);
        long start = System.nanoTime();
        assertThat(registry.get("civitas.db.replica.lag").gauge().value()).isNaN();
        assertThat(registry.get("civitas.db.replica.running").gauge().value()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void prometheus_sees_the_names_the_alert_rules_use() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ReplicaLag("jdbc:mariadb://127.0.0.1:1/civitas", "civitas", "x", Duration.ofMinutes(1)).bindTo(prometheus);
        assertThat(prometheus.scrape()).containsPattern("(?m)^civitas_db_replica_lag_seconds[{ ]")
                .containsPattern("(?m)^civitas_db_replica_running[{ ]");
    }

    private static Map<String, String> row(String io, String sql, String behind) {
        Map<String, String> row = new HashMap<>();
        row.put("Slave_IO_Running", io);
        row.put("Slave_SQL_Running", sql);
        row.put("Seconds_Behind_Master", behind);
        return row;
    }
}
