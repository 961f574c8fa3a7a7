package org.civitas.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.civitas.citizen.PublicLimits.Use;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.Test;

class PublicLimitsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    /** 10 reports, 60 lookups, 10 ratings per hour and address; 10 wrong codes per number per hour. */
    final PublicLimits limits = new PublicLimits(clock, 10, 60, 10, 10, Duration.ofHours(1));

    @Test
    void the_eleventh_report_of_one_address_within_the_hour_is_refused_and_another_address_is_not_affected() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryUse(Use.REPORT, "10.0.0.1")).as("report %d", i).isTrue();
        }
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.1")).isFalse();
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.2")).isTrue();
        assertThat(limits.tryUse(Use.TRACK, "10.0.0.1")).as("lookups have their own allowance").isTrue();
    }

    @Test
    void the_allowance_refills_evenly_one_report_per_six_minutes() {
        for (int i = 0; i < 10; i++) {
            limits.tryUse(Use.REPORT, "10.0.0.3");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.3")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.3")).isTrue();
        assertThat(limits.tryUse(Use.REPORT, "10.0.0.3")).isFalse();
    }

    @Test
    void ten_wrong_codes_lock_the_number_whatever_the_address_and_it_reopens_one_try_at_a_time() {
        for (int i = 1; i <= 9; i++) {
            limits.wrongCode("WM202606100001");
            assertThat(limits.numberLocked("WM202606100001")).as("after %d wrong codes", i).isFalse();
        }
        limits.wrongCode(" wm202606100001 ");
        assertThat(limits.numberLocked("WM202606100001")).isTrue();
        assertThat(limits.numberLocked("WM202606100002")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(limits.numberLocked("WM202606100001")).isFalse();
        limits.wrongCode("WM202606100001");
        assertThat(limits.numberLocked("WM202606100001")).isTrue();
    }
}
