package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A case changed by another node (here: written while this node's poller looks away) refreshes this node's views. */
@IntegrationTest
class ClusterChangesTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseBroadcaster broadcaster;
    @Autowired CaseService cases;

    @Test
    void a_new_history_row_anywhere_refreshes_the_views_of_this_node_once_and_no_change_refreshes_nothing()
            throws Exception {
        ClusterChanges poller = new ClusterChanges(jdbc, broadcaster);
        poller.poll();
        AtomicInteger refreshes = new AtomicInteger();
        CountDownLatch refreshed = new CountDownLatch(1);
        var registration = broadcaster.subscribe(() -> {
            refreshes.incrementAndGet();
            refreshed.countDown();
        });
        try {
            poller.poll();
            Thread.sleep(300);
            assertThat(refreshes.get()).as("nothing changed, nothing refreshed").isZero();

            // the "other node": a registration this node's broadcaster did not see, so unsubscribe first
            registration.remove();
            RunAs.user("operator", () -> cases.register(aReport().item("SR-04").build()), "OPERATOR");
            Thread.sleep(1200); // the local push of that registration has passed
            registration = broadcaster.subscribe(() -> {
                refreshes.incrementAndGet();
                refreshed.countDown();
            });
            poller.poll();
            assertThat(refreshed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(refreshes.get()).isEqualTo(1);
        } finally {
            registration.remove();
        }
    }
}
