package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.civitas.base.RuleViolation;
import org.civitas.cases.Channel;
import org.civitas.cases.PublicCase;
import org.civitas.cases.intake.NewCase;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.Seeded.Gen;
import org.civitas.test.Seeded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Random and hostile reports from the public form (seeded generators inside one Spring test; a failure names its seed
 * and report, and {@code -Dcivitas.seed=<seed>} replays the run): each is either registered with every text stored
 * exactly as given, or refused with a translated message and nothing stored. No other outcome.
 */
@IntegrationTest
class HostileInputTest {

    static final int TRIES = 400;
    static final List<String> NASTY = List.of("<script>alert('x')</script>", "'; DROP TABLE case_file; --",
            "\" OR 1=1 --", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd", "\u0000", "\uD83D\uDE00表情",
            "\u202Eabc", "\\", "%s%n", "null", " ", "");

    @Autowired CitizenCases citizens;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void every_hostile_report_is_either_stored_exactly_or_refused_with_a_message_and_nothing_stored() {
        SecurityContextHolder.clearContext();
        clock.set(LocalDateTime.of(2026, 6, 1, 9, 0));
        Seeded seeded = Seeded.fromProperty();
        Random random = seeded.random();
        Gen<String> text = Gen.oneOf(
                Gen.of(NASTY),
                Gen.anyChars(40),
                Gen.chars("中文街道路号<>'\"&;%", 1, 30),
                Gen.alpha(1990, 2100),
                Gen.just(null));
        Gen<String> code = Gen.oneOf(Gen.of(List.of("D05", "S0501", "SR-04", "XX", "", "D01")), text);
        Gen<String> fine = Gen.oneOf(Gen.of(NASTY.subList(0, 6)), Gen.chars("中文街道路号<>'\"&;%", 1, 30));
        long before = count();
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            // each field valid seven times in ten, hostile otherwise: some reports pass, most do not
            NewCase report = new NewCase(Channel.WEB, null, null, seeded.mostlyValid(seeded.next(fine), text),
                    seeded.mostlyValid("139" + (10000000 + random.nextInt(89999999)), text), random.nextInt(10) == 0,
                    seeded.mostlyValid("D05", code), seeded.mostlyValid("S0501", code),
                    seeded.mostlyValid(seeded.next(fine), text),
                    random.nextInt(10) == 0 ? BigDecimal.valueOf(random.nextInt(400) - 200) : null, null,
                    seeded.mostlyValid(seeded.next(fine), text), seeded.mostlyValid("SR-04", code));
            boolean[] registered = new boolean[1];
            seeded.check("report " + i, report::toString, () -> {
                try {
                    PublicCase c = citizens.report(report, List.of());
                    registered[0] = true;
                    var row = jdbc.queryForMap(
                            "select complainant_name, address, description from case_file where id = ?", c.id());
                    assertThat(row.get("address")).as("address").isEqualTo(report.address());
                    assertThat(row.get("description")).as("description").isEqualTo(report.description());
                    assertThat(row.get("complainant_name")).as("complainant_name")
                            .isEqualTo(report.anonymous() ? null : report.complainantName());
                } catch (RuleViolation refusal) {
                    assertThat(refusal.key()).startsWith("case.error.").doesNotContain(" ");
                }
            });
            if (registered[0]) {
                stored++;
            } else {
                refused++;
            }
        }
        long storedRows = stored;
        long refusals = refused;
        seeded.check("the totals", () -> "%d stored, %d refused".formatted(storedRows, refusals), () -> {
            assertThat(count() - before).isEqualTo(storedRows);
            assertThat(storedRows).as("some reports were valid").isPositive();
            assertThat(refusals).as("most hostile reports were refused").isGreaterThan(TRIES / 2);
        });
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from case_file", Long.class);
    }
}
