package org.civitas.supervision;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With several app nodes, a case changed on one node must reach the boards open on the others. Every node looks at
 * the newest case-history row and supervision order every {@code civitas.push.cluster-poll-ms} (two primary-key
 * lookups) and, when either moved, lets its {@link CaseBroadcaster} refresh its views (debounced as usual). Its own
 * changes were pushed already; the extra refresh is cheap. Off with 0 (tests, a single node that wants no polling).
 */
@Component
@ConditionalOnExpression("${civitas.push.cluster-poll-ms:2000} > 0")
class ClusterChanges {

    private final JdbcTemplate jdbc;
    private final CaseBroadcaster broadcaster;
    private volatile String last;

    ClusterChanges(JdbcTemplate jdbc, CaseBroadcaster broadcaster) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
    }

    @Scheduled(fixedDelayString = "${civitas.push.cluster-poll-ms:2000}",
            initialDelayString = "${civitas.push.cluster-poll-ms:2000}")
    void poll() {
        String now = jdbc.queryForObject("select concat((select coalesce(max(id), 0) from case_history), '/',"
                + " (select coalesce(max(id), 0) from supervision_order))", String.class);
        String before = last;
        last = now;
        if (before != null && !before.equals(now)) {
            broadcaster.changed();
        }
    }
}
