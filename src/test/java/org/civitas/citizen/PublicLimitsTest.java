package org.civitas.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.civitas.base.web.RateBuckets;
import org.civitas.citizen.PublicLimits.Use;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The buckets are rows in the database: addresses and numbers here are this run's own, on a clock of its own. */
@IntegrationTest
class PublicLimitsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final String run = Long.toString(System.nanoTime(), 36);
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    PublicLimits limits;

    @BeforeEach
    void limits() {
        limits = node();
    }

    /** 10 reports, 60 lookups, 10 ratings per hour and address (wrong codes per number: CitizenTrackingTest). */
    PublicLimits node() {
        return new PublicLimits(new RateBuckets(clock, jdbc, transactions), 10, 60, 10);
    }

    @Test
    void two_nodes_count_against_one_allowance() {
        PublicLimits other = node();
        for (int i = 1; i <= 10; i++) {
            PublicLimits node = i % 2 == 0 ? limits : other;
            assertThat(node.tryUse(Use.REPORT, "10.9.9.9/" + run)).as("report %d", i).isTrue();
        }
        assertThat(limits.tryUse(Use.REPORT, "10.9.9.9/" + run)).isFalse();
        assertThat(other.tryUse(Use.REPORT, "10.9.9.9/" + run)).isFalse();
    }

    @Test
    void the_eleventh_report_of_one_address_within_the_hour_is_refused_and_another_address_is_not_affected() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryUse(Use.REPORT, "10.0.0.1/" + run)).as("report %d", i).isTrue();
        }
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.1/" + run)).isFalse();
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.2/" + run)).isTrue();
        assertThat(limits.tryUse(Use.TRACK, "10.0.0.1/" + run)).as("lookups have their own allowance").isTrue();
    }

    @Test
    void the_allowance_refills_evenly_one_report_per_six_minutes() {
        for (int i = 0; i < 10; i++) {
            limits.tryUse(Use.REPORT, "10.0.0.3/" + run);
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.3/" + run)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.3/" + run)).isTrue();
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.3/" + run)).isFalse();
    }

}
