package org.civitas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.civitas.base.RuleViolation;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Random and hostile reports from the public form (jqwik's generators, outside its engine: jqwik-spring is not
 * available here, so the property runs inside one Spring test): each is either registered with every
 * text stored exactly as given, or refused with a translated message and nothing stored. No other outcome.
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
        Random random = new Random(20261128L);
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of(NASTY),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("中文街道路号<>'\"&;%").ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().alpha().ofMinLength(1990).ofMaxLength(2100),
                Arbitraries.just(null));
        Arbitrary<String> code = Arbitraries.oneOf(Arbitraries.of("D05", "S0501", "SR-04", "XX", "", "D01"),
                text);
        Arbitrary<String> fine = Arbitraries.oneOf(Arbitraries.of(NASTY.subList(0, 6)),
                Arbitraries.strings().withChars("中文街道路号<>'\"&;%").ofMinLength(1).ofMaxLength(30));
        long before = count();
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            // each field valid seven times in ten, hostile otherwise: some reports pass, most do not
            NewCase report = new NewCase(Channel.WEB, null, null, pick(random, sample(fine, random), text),
                    pick(random, "139" + (10000000 + random.nextInt(89999999)), text), random.nextInt(10) == 0,
                    pick(random, "D05", code), pick(random, "S0501", code), pick(random, sample(fine, random), text),
                    random.nextInt(10) == 0 ? BigDecimal.valueOf(random.nextInt(400) - 200) : null, null,
                    pick(random, sample(fine, random), text), pick(random, "SR-04", code));
            String shown = report.toString();
            try {
                PublicCase c = citizens.report(report, List.of());
                stored++;
                var row = jdbc.queryForMap("select complainant_name, address, description from case_file where id = ?",
                        c.id());
                assertThat(row.get("address")).as(shown).isEqualTo(report.address());
                assertThat(row.get("description")).isEqualTo(report.description());
                assertThat(row.get("complainant_name")).isEqualTo(report.anonymous() ? null : report.complainantName());
            } catch (RuleViolation refusal) {
                refused++;
                assertThat(refusal.key()).as(shown).startsWith("case.error.").doesNotContain(" ");
            }
        }
        assertThat(count() - before).isEqualTo(stored);
        assertThat(stored).as("some reports were valid").isPositive();
        assertThat(refused).as("most hostile reports were refused").isGreaterThan(TRIES / 2);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from case_file", Long.class);
    }

    private static String pick(Random random, String valid, Arbitrary<String> hostile) {
        return random.nextInt(10) < 7 ? valid : sample(hostile, random);
    }

    private static String sample(Arbitrary<String> arbitrary, Random random) {
        return arbitrary.sample();
    }
}
