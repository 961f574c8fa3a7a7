package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.civitas.base.ActorNames;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.PublicCase;
import org.civitas.catalog.Urgency;
import org.civitas.scoring.ScoringService;
import org.civitas.scoring.UnitScore;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A channel report without an item (DD051): dispatched by the system when the classifier and the place are sure
 * enough, queued with its suggestion when not; emergency-looking text never goes out as a non-emergency item; a
 * person's choice is recorded beside the suggestion; a wrong automatic dispatch returned by the unit costs it
 * nothing. Cases of 2043 (no other test uses that year).
 */
@IntegrationTest
class AutoDispatchTest {

    static final String BARBECUE = "楼下烧烤摊天天晚上烟熏火燎的，油烟太大";
    static final String VAGUE = "这边的情况一直没人管，麻烦你们来看看";

    @Autowired CitizenCases citizens;
    @Autowired CaseService cases;
    @Autowired CaseRequestService requests;
    @Autowired ClassifierService classifier;
    @Autowired ScoringService scoring;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void monday_morning() {
        clock.set(LocalDateTime.of(2043, 3, 2, 9, 0));
    }

    @AfterEach
    void restore() {
        jdbc.update("update classifier_setting set auto_dispatch = false, threshold = 0.700, place_threshold = 0.850, "
                + "updated_at = null, updated_by = null where id = 1");
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    void autoDispatch(boolean on, double threshold) {
        RunAs.user("supervisor", () -> classifier.saveAutoDispatchSettings(on, threshold, 0.85), "SUPERVISOR");
    }

    Classification classify(String text) {
        return RunAs.user("operator", () -> classifier.classify(text, null), "OPERATOR");
    }

    PublicCase fromTheApp(String text, String district) {
        return RunAs.user("channel:DEMO_APP", () -> citizens.submit(aReport().item(null).in(district, null)
                .anonymous().phone(null).channel(Channel.APP, null).description(text).build(), List.of()),
                "CHANNEL").filed();
    }

    Map<String, Object> record(long caseId) {
        return jdbc.queryForMap("select * from classification_record where case_id = ?", caseId);
    }

    @Test
    void a_sure_report_without_an_item_is_classified_and_dispatched_at_once_with_version_and_score_in_its_history() {
        Classification c = classify(BARBECUE);
        assertThat(c.items().get(0).itemCode()).isEqualTo("HJ-01");
        assertThat(c.emergencyFlag()).isFalse();
        double score = c.items().get(0).score();
        autoDispatch(true, Math.max(0.5, score - 0.01));

        PublicCase filed = fromTheApp(BARBECUE, "D05");

        assertThat(filed.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(filed.itemCode()).isEqualTo("HJ-01");
        assertThat(filed.leadUnitCode()).isNotNull();
        List<HistoryEntry> history = as("supervisor", () -> cases.history(filed.id()));
        HistoryEntry dispatch = history.stream().filter(h -> h.action() == CaseAction.DISPATCH).findFirst()
                .orElseThrow();
        assertThat(dispatch.actor()).isEqualTo(ActorNames.CLASSIFIER);
        assertThat(dispatch.note()).contains("系统分类").contains("第 " + c.modelVersion() + " 版")
                .contains(String.format(java.util.Locale.ROOT, "%.2f", score));
        Map<String, Object> r = record(filed.id());
        assertThat(r.get("auto_dispatched")).isEqualTo(true);
        assertThat(r.get("item1")).isEqualTo("HJ-01");
        assertThat(r.get("chosen_by")).isEqualTo(ActorNames.CLASSIFIER);
    }

    @Test
    void a_report_the_classifier_is_not_sure_of_waits_in_the_queue_with_its_suggestion() {
        Classification c = classify(VAGUE);
        assertThat(c.emergencyFlag()).isFalse();
        assertThat(c.items().get(0).score()).as("a vague text").isLessThan(0.9);
        autoDispatch(true, 0.9);

        PublicCase filed = fromTheApp(VAGUE, "D05");

        assertThat(filed.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(filed.leadUnitCode()).isNull();
        Map<String, Object> r = record(filed.id());
        assertThat(r.get("auto_dispatched")).isEqualTo(false);
        assertThat(r.get("item1")).isEqualTo(c.items().get(0).itemCode());
        assertThat(((Number) r.get("score1")).doubleValue()).isEqualTo(c.items().get(0).score());
        assertThat(r.get("chosen_item")).isNull();
        QueuedReport queued = RunAs.user("supervisor", () -> classifier.queue(), "SUPERVISOR").stream()
                .filter(q -> q.caseId() == filed.id()).findFirst().orElseThrow();
        assertThat(queued.suggestions()).hasSize(3);
        assertThat(queued.suggestions().get(0).itemName()).isEqualTo(c.items().get(0).itemName());
        assertThat(queued.emergency()).isFalse();
    }

    @Test
    void with_automatic_dispatch_off_a_sure_report_waits_for_a_person() {
        autoDispatch(false, 0.5);
        assertThat(fromTheApp(BARBECUE, "D05").status()).isEqualTo(CaseStatus.REGISTERED);
    }

    @Test
    void an_emergency_looking_report_is_never_dispatched_as_a_non_emergency_item_and_is_flagged_first_in_the_queue() {
        String text = "楼下烧烤摊天天晚上烟熏火燎的，今晚冒烟起火了";
        Classification c = classify(text);
        assertThat(c.emergencyFlag()).isTrue();
        assertThat(c.items().get(0).urgency()).isNotEqualTo(Urgency.EMERGENCY);
        autoDispatch(true, 0.5);
        assertThat(c.items().get(0).score()).as("sure enough but for the urgency rule").isGreaterThanOrEqualTo(0.5);

        PublicCase filed = fromTheApp(text, "D05");

        assertThat(filed.status()).isEqualTo(CaseStatus.REGISTERED);
        List<QueuedReport> queue = RunAs.user("operator", () -> classifier.queue(), "OPERATOR");
        QueuedReport queued = queue.stream().filter(q -> q.caseId() == filed.id()).findFirst().orElseThrow();
        assertThat(queued.emergency()).isTrue();
        assertThat(queued.emergencyWords()).contains("起火");
        assertThat(queue.get(0).emergency()).as("emergency-looking reports come first").isTrue();
    }

    @Test
    void a_persons_choice_in_the_queue_is_recorded_beside_the_suggestion() {
        autoDispatch(false, 0.7);
        PublicCase filed = fromTheApp(BARBECUE, "D05");
        CaseDetails waiting = as("supervisor", () -> cases.get(filed.id()));

        as("supervisor", () -> cases.classify(waiting.ref(), "HJ-03", null, null));

        Map<String, Object> r = record(filed.id());
        assertThat(r.get("item1")).isEqualTo("HJ-01");
        assertThat(r.get("chosen_item")).isEqualTo("HJ-03");
        assertThat(r.get("chosen_by")).isEqualTo("supervisor");
        assertThat(((Number) r.get("model_version")).longValue()).isPositive();
    }

    @Test
    void an_operators_registration_records_the_suggestion_shown_and_the_item_chosen() {
        Classification shown = classify(BARBECUE);
        CaseDetails c = as("operator", () -> cases.register(aReport().item("HJ-03")
                .description(BARBECUE).build()));

        RunAs.user("operator", () -> classifier.recordChoice(c.id(), shown, c.itemCode()), "OPERATOR");

        Map<String, Object> r = record(c.id());
        assertThat(r.get("source")).isEqualTo("INTAKE");
        assertThat(r.get("item1")).isEqualTo(shown.items().get(0).itemCode());
        assertThat(r.get("item2")).isEqualTo(shown.items().get(1).itemCode());
        assertThat(r.get("item3")).isEqualTo(shown.items().get(2).itemCode());
        assertThat(((Number) r.get("score1")).doubleValue()).isEqualTo(shown.items().get(0).score());
        assertThat(r.get("chosen_item")).isEqualTo("HJ-03");
        assertThat(r.get("chosen_by")).isEqualTo("operator");
        assertThat(((Number) r.get("model_version")).longValue()).isEqualTo(shown.modelVersion());
    }

    @Test
    void a_wrong_automatic_dispatch_the_unit_returns_costs_the_unit_nothing() {
        clock.set(LocalDateTime.of(2043, 5, 4, 9, 0));
        autoDispatch(true, 0.5);
        PublicCase filed = fromTheApp(BARBECUE, "D05");
        assertThat(filed.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(filed.leadUnitCode()).isEqualTo("D05");
        clock.advance(Duration.ofDays(3)); // past its sign deadline, unsigned
        CaseDetails c = as("supervisor", () -> cases.get(filed.id()));
        CaseDetails asked = as("clerk.wuchang", () -> requests.requestReturn(c.ref(), "不是本区职责，是城管的", "《条例》第3条"));
        long requestId = as("supervisor", () -> requests.requests(c.id())).get(0).id();
        as("supervisor", () -> requests.decideReturn(asked.ref(), requestId, true, "G01", "改派城管"));
        clock.set(LocalDateTime.of(2043, 6, 2, 9, 0));

        UnitScore d05 = RunAs.user("supervisor", () -> scoring.month(YearMonth.of(2043, 5)), "SUPERVISOR").units()
                .stream().filter(u -> u.unitCode().equals("D05")).findFirst().orElseThrow();
        assertThat(d05.cases()).isZero();
        assertThat(d05.sign().whole()).isZero();
        assertThat(RunAs.user("supervisor", () -> scoring.deductions(YearMonth.of(2043, 5), "D05"), "SUPERVISOR"))
                .isEmpty();
        assertThat(RunAs.user("supervisor", () -> classifier.figures(), "SUPERVISOR").autoReturned())
                .isGreaterThanOrEqualTo(1);
    }

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    <T> T as(String account, java.util.function.Supplier<T> action) {
        return RunAs.account(users, account, action);
    }
}
