package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.Channel;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The citizen's proof of a case: its number in any spelling, its random tracking code (the phone's last four digits
 * only for cases without one), and a lock per number whatever the spelling, with pauses that double.
 */
@IntegrationTest
class CitizenTrackingTest {

    @Autowired CitizenCases citizens;
    @Autowired CaseService cases;
    @Autowired TrackingLock lock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;

    @BeforeEach
    void anonymous_on_a_tuesday() {
        SecurityContextHolder.clearContext();
        clock.set(LocalDateTime.of(2026, 12, 8, 9, 0));
    }

    @AfterEach
    void reset() {
        clock.reset();
        lock.forgetAll();
    }

    @Test
    void every_spelling_of_the_number_counts_against_one_lock_and_the_lock_is_audited_and_counted() {
        PublicCase c = report("13900000063");
        String n = c.number();
        String[] spellings = {fullWidth(n), n.substring(0, 6) + "\u200B" + n.substring(6), n + "\u00A0",
                n + "\u3000", n.toLowerCase(), " " + fullWidth(n.toLowerCase()) + "\u3000", n + "\u2060",
                "\uFEFF" + n, n.substring(0, 2) + "-" + n.substring(2), n};
        long before = lock.locksStarted();
        for (int i = 0; i < 10; i++) {
            String spelling = spellings[i];
            String guess = "WRONG" + i;
            refused(() -> citizens.track(spelling, guess), "citizen.error.notFound");
        }
        for (String spelling : spellings) {
            refused(() -> citizens.track(spelling, c.trackingCode()), "citizen.error.numberLocked");
        }
        assertThat(lock.locksStarted()).isEqualTo(before + 1);
        assertThat(jdbc.queryForList("select actor, detail from audit_log where action = 'TRACKING_LOCKED'"
                + " and target_type = 'case_number' and target_id = ?", n)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("actor", "citizen")
                        .containsEntry("detail", "pause 1, 15 min"));
    }

    @Test
    void a_rating_through_another_spelling_is_refused_once_the_number_is_locked() {
        PublicCase c = replied(report("13900000064"));
        for (int i = 0; i < 10; i++) {
            int k = i;
            refused(() -> citizens.track(c.number(), "WRONG" + k), "citizen.error.notFound");
        }

        refused(() -> citizens.rate(fullWidth(c.number().toLowerCase()) + "\u3000", c.trackingCode(),
                Rating.SATISFIED, true, null), "citizen.error.numberLocked");

        assertThat(jdbc.queryForObject("select rating from case_file where id = ?", String.class, c.id())).isNull();
        clock.advance(Duration.ofMinutes(15));
        assertThat(citizens.rate(fullWidth(c.number()), c.trackingCode().toLowerCase(), Rating.SATISFIED, true, null)
                .rating()).isEqualTo(Rating.SATISFIED);
    }

    @Test
    void each_further_pause_lasts_twice_as_long_and_the_right_code_forgets_them() {
        PublicCase c = report("13900000065");
        for (long minutes : new long[] {15, 30, 60, 120}) {
            for (int i = 0; i < 10; i++) {
                int k = i;
                refused(() -> citizens.track(c.number(), "WRONG" + k), "citizen.error.notFound");
            }
            RuleViolation v = refused(() -> citizens.track(c.number(), c.trackingCode()), "citizen.error.numberLocked");
            assertThat(v.args()).as("pause after %d min", minutes).containsExactly(minutes);
            clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
            refused(() -> citizens.track(c.number(), c.trackingCode()), "citizen.error.numberLocked");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(citizens.track(c.number(), c.trackingCode()).number()).isEqualTo(c.number());
        for (int i = 0; i < 10; i++) {
            int k = i;
            refused(() -> citizens.track(c.number(), "WRONG" + k), "citizen.error.notFound");
        }
        assertThat(refused(() -> citizens.track(c.number(), c.trackingCode()), "citizen.error.numberLocked").args())
                .as("the owner's right code started the doubling afresh").containsExactly(15L);
    }

    @Test
    void parallel_guesses_get_no_more_attempts_than_the_allowance() throws Exception {
        PublicCase c = report("13900000071");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String guess = "WRONG" + i;
                answers.add(pool.submit(() -> {
                    try {
                        citizens.track(c.number(), guess);
                        return "found";
                    } catch (RuleViolation v) {
                        return v.key();
                    }
                }));
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> f : answers) {
                keys.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(keys).filteredOn("citizen.error.notFound"::equals).hasSize(10);
            assertThat(keys).filteredOn("citizen.error.numberLocked"::equals).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unknown_number_locks_like_a_known_one_and_something_that_is_no_number_reveals_nothing_either() {
        for (int i = 0; i < 10; i++) {
            int k = i;
            refused(() -> citizens.track("WM20991231" + "0077", "WRONG" + k), "citizen.error.notFound");
        }
        refused(() -> citizens.track("ｗｍ２０９９１２３１００７７", "WRONG"), "citizen.error.numberLocked");
        refused(() -> citizens.track("not a number", "WRONG"), "citizen.error.notFound");
        refused(() -> citizens.track("WM2099", "ABCDEF"), "citizen.error.notFound");
    }

    @Test
    void the_phone_digits_open_only_a_case_without_a_code_and_spend_the_allowance_twice_as_fast() {
        PublicCase coded = report("13900000066");
        refused(() -> citizens.track(coded.number(), "0066"), "citizen.error.notFound");
        // a case registered before tracking codes existed
        PublicCase old = report("13900000067");
        jdbc.update("update case_file set tracking_code = null where id = ?", old.id());
        refused(() -> citizens.track(old.number(), coded.trackingCode()), "citizen.error.notFound");
        assertThat(citizens.track(old.number(), "００６７").number()).isEqualTo(old.number());
        assertThat(citizens.track(old.number(), "0067").trackingCode()).isNull();

        for (int i = 0; i < 4; i++) {
            String guess = String.format("%04d", 1000 + i);
            refused(() -> citizens.track(old.number(), guess), "citizen.error.notFound");
        }
        // the fifth 4-digit guess spends the last of the allowance (10, two a guess)
        refused(() -> citizens.track(old.number(), "1004"), "citizen.error.notFound");
        refused(() -> citizens.track(old.number(), "0067"), "citizen.error.numberLocked");
    }

    @Test
    void the_operator_reads_the_new_code_back_to_the_caller_and_staff_do_not_see_it_afterwards() {
        CaseDetails registered = as("operator", () -> cases.register(aReport().channel(Channel.HOTLINE_12345, null)
                .phone("13900000068").build()));
        assertThat(registered.trackingCode()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")
                .isEqualTo(jdbc.queryForObject("select tracking_code from case_file where id = ?", String.class,
                        registered.id()));
        assertThat(as("operator", () -> cases.get(registered.id())).trackingCode()).isNull();
        assertThat(citizens.track(registered.number(), registered.trackingCode()).number())
                .isEqualTo(registered.number());
        refused(() -> citizens.track(registered.number(), "0068"), "citizen.error.notFound");
    }

    @Test
    void the_sms_that_the_result_is_ready_carries_the_code_and_a_case_without_one_is_told_to_use_the_phone() {
        PublicCase coded = replied(report("13900000069"));
        accept(coded);
        assertThat(sms("13900000069")).isEqualTo("【文明城市】您反映的问题（工单 " + coded.number()
                + "）已办理完毕，请凭工单号和查询码 " + coded.trackingCode() + " 查看结果并评价。");
        PublicCase old = replied(report("13900000070"));
        jdbc.update("update case_file set tracking_code = null where id = ?", old.id());
        accept(old);
        assertThat(sms("13900000070")).isEqualTo("【文明城市】您反映的问题（工单 " + old.number()
                + "）已办理完毕，请凭工单号和手机号后四位查看结果并评价。");
    }

    private PublicCase report(String phone) {
        return citizens.report(aReport().channel(Channel.WEB, null).item("SR-04").in("D05", "S0501")
                .address("查询码路 " + System.nanoTime() % 1_000_000 + " 号").phone(phone).build(), List.of());
    }

    private PublicCase replied(PublicCase c) {
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(as("supervisor", () -> cases.get(c.id())).ref()));
        as("clerk.wuchang", () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已清理", List.of()));
        return c;
    }

    private void accept(PublicCase c) {
        as("supervisor", () -> cases.acceptReply(cases.get(c.id()).ref(), null));
    }

    private String sms(String phone) {
        return jdbc.queryForObject("select body from outbox_message where channel = 'SMS' and recipient = ?"
                + " order by id desc limit 1", String.class, phone);
    }

    private static RuleViolation refused(ThrowingCallable call, String key) {
        RuleViolation[] caught = new RuleViolation[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.key()).isEqualTo(key);
            caught[0] = v;
        });
        return caught[0];
    }

    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        ascii.chars().forEach(ch -> b.append((char) (ch >= '!' && ch <= '~' ? ch - '!' + 0xFF01 : ch)));
        return b.toString();
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }
}
