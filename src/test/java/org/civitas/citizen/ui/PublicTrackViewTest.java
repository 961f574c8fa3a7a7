package org.civitas.citizen.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;
import static org.civitas.citizen.ui.PublicReportViewTest.notices;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.catalog.CatalogService;
import org.civitas.citizen.PublicLimits;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public tracking page and the one-time rating, as an anonymous visitor. */
class PublicTrackViewTest extends KaribuTest {

    static final String NOT_FOUND = "未找到该工单，请核对工单号和查询码。";

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired PublicLimits limits;
    @Autowired CitizenCases citizens;
    @Autowired CaseService cases;
    @Autowired CaseRequestService caseRequests;
    @Autowired CatalogService catalog;

    @BeforeEach
    void a_monday_with_fresh_allowances() {
        clock.set(LocalDateTime.of(2026, 7, 13, 9, 0));
        limits.forgetAll();
        jdbc.update("delete from track_lock");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        limits.forgetAll();
        jdbc.update("delete from track_lock");
    }

    @Test
    void the_right_code_shows_the_status_the_public_timeline_and_the_reply_without_names_or_internal_steps() {
        PublicCase c = repliedCase("13900002468");
        String number = c.number();

        PublicTrackView view = open("public/track/" + number);
        assertThat(view.number.getValue()).as("the number comes from the link").isEqualTo(number);
        assertThat(view.code.getHelperText()).contains("查询码见提交成功页面");
        _setValue(view.code, c.trackingCode());
        _click(view.lookUp);

        PublicCaseCard card = _get(PublicCaseCard.class);
        assertThat(card.status.getText()).isEqualTo("已答复");
        assertThat(card.timeline.getChildren().map(item -> ((ListItem) item).getText()).toList()).containsExactly(
                "2026-07-13 09:00 登记 → 待分派",
                "2026-07-13 09:00 分派 → 已派单",
                "2026-07-13 09:20 签收 → 办理中",
                "2026-07-13 10:30 答复 → 已答复");
        assertThat(card.reply.getText()).isEqualTo("垃圾已清运，路面已冲洗");
        String all = card.getElement().getTextRecursively();
        assertThat(all).contains("当前状态：", "受理时间：", "答复时间：");
        assertThat(all).doesNotContain("需要协调", "clerk.wuchang", "申请延期", "13900002468");
        assertThat(_get(PublicRatingForm.class).isVisible()).isTrue();
    }

    @Test
    void a_wrong_code_and_an_unknown_number_get_the_same_message_and_show_nothing() {
        PublicCase c = repliedCase("13900001357");
        PublicTrackView view = open("public/track");

        _setValue(view.number, c.number());
        _setValue(view.code, "1357");
        _click(view.lookUp);
        List<String> wrongCode = notices();
        _assertNone(PublicCaseCard.class);
        _assertNone(PublicRatingForm.class);
        assertThat(view.result.getChildren()).isEmpty();

        NotificationsKt.clearNotifications();
        _setValue(view.number, "WM209912310001");
        _setValue(view.code, c.trackingCode());
        _click(view.lookUp);

        assertThat(notices()).isEqualTo(wrongCode).containsExactly(NOT_FOUND);
        _assertNone(PublicCaseCard.class);
    }

    @Test
    void the_citizen_rates_once_and_a_second_rating_is_refused() {
        PublicCase c = repliedCase("13900008642");
        String number = c.number();
        PublicTrackView view = lookUp(number, c.trackingCode());
        PublicRatingForm form = _get(PublicRatingForm.class);
        _setValue(form.rating, Rating.BASICALLY_SATISFIED);
        _setValue(form.solved, Boolean.TRUE);
        _setValue(form.note, "<b>谢谢</b>");

        _click(form.send);

        assertThat(notices()).contains("感谢您的评价。");
        assertThat(_get(PublicCaseCard.class).status.getText()).isEqualTo("已办结");
        _assertNone(PublicRatingForm.class);
        Map<String, Object> row = jdbc.queryForMap("select status, rating, solved from case_file where number = ?",
                number);
        assertThat(row).containsEntry("status", "CLOSED").containsEntry("rating", "BASICALLY_SATISFIED");
        assertThat(jdbc.queryForObject("select h.note from case_history h join case_file c on c.id = h.case_id "
                + "where c.number = ? and h.action = 'RATE'", String.class, number)).isEqualTo("<b>谢谢</b>");

        // the same form sent again (a second tab, a replayed click)
        NotificationsKt.clearNotifications();
        _setValue(form.rating, Rating.DISSATISFIED);
        form.send();
        assertThat(notices()).containsExactly("工单 " + number + " 现在不能评价：只有已答复、尚未评价的工单可以评价一次。");
        assertThat(jdbc.queryForObject("select rating from case_file where number = ?", String.class, number))
                .isEqualTo("BASICALLY_SATISFIED");
        lookUp(number, c.trackingCode());
        _assertNone(PublicRatingForm.class);
        assertThat(_get(PublicCaseCard.class).getElement().getTextRecursively()).contains("您的评价：基本满意");
    }

    @Test
    void a_rating_without_its_answers_is_refused_on_the_form() {
        PublicCase c = repliedCase("13900009753");
        String number = c.number();
        lookUp(number, c.trackingCode());
        PublicRatingForm form = _get(PublicRatingForm.class);
        _click(form.send);
        assertThat(form.rating.isInvalid()).isTrue();
        assertThat(form.rating.getErrorMessage()).isEqualTo("请选择评价结果。");
        assertThat(form.solved.getErrorMessage()).isEqualTo("请选择问题是否解决。");
        assertThat(jdbc.queryForObject("select rating from case_file where number = ?", String.class, number))
                .isNull();
    }

    @Test
    void ten_wrong_codes_lock_the_number_even_for_the_right_code_and_say_so_without_showing_anything() {
        PublicCase c = repliedCase("13900003579");
        PublicTrackView view = open("public/track");
        _setValue(view.number, c.number());
        for (int i = 0; i < 10; i++) {
            _setValue(view.code, "WRONG" + i);
            _click(view.lookUp);
        }
        NotificationsKt.clearNotifications();
        _setValue(view.code, c.trackingCode());

        _click(view.lookUp);

        assertThat(notices()).containsExactly("该工单号的查询错误次数过多，已暂停查询，请 15 分钟后再试。");
        _assertNone(PublicCaseCard.class);
        clock.advance(Duration.ofMinutes(14));
        _click(view.lookUp);
        _assertNone(PublicCaseCard.class);
        clock.advance(Duration.ofMinutes(1));
        _click(view.lookUp);
        _get(PublicCaseCard.class);
    }

    @Test
    void the_lock_holds_across_spellings_of_the_number_and_across_client_addresses() {
        PublicCase c = repliedCase("13900003580");
        String n = c.number();
        // full-width, a zero-width space inside, trailing no-break and ideographic spaces, lower case, dashes
        String[] spellings = {n, fullWidth(n), n.substring(0, 6) + "\u200B" + n.substring(6), n + "\u00A0",
                n + "\u3000", n.toLowerCase(), n.substring(0, 2) + "-" + n.substring(2, 10) + "-" + n.substring(10),
                " " + fullWidth(n.toLowerCase()) + "\u3000", n + "\u2060", "\uFEFF" + n};
        for (int i = 0; i < 10; i++) {
            PublicTrackView from = openFrom("10.20.30." + i);
            _setValue(from.number, spellings[i]);
            _setValue(from.code, "WRONG" + i);
            _click(from.lookUp);
            assertThat(from.result.getChildren()).as("wrong code %d", i).isEmpty();
        }
        for (String spelling : spellings) {
            NotificationsKt.clearNotifications();
            PublicTrackView fresh = openFrom("10.99.0.1");
            _setValue(fresh.number, spelling);
            _setValue(fresh.code, c.trackingCode());

            _click(fresh.lookUp);

            assertThat(notices()).as(spelling).containsExactly("该工单号的查询错误次数过多，已暂停查询，请 15 分钟后再试。");
            assertThat(fresh.result.getChildren()).isEmpty();
        }
    }

    @Test
    void a_case_found_through_another_spelling_cannot_be_rated_once_the_number_is_locked() {
        PublicCase c = repliedCase("13900003581");
        // the complainant opens the case through a full-width number and a lower-case code
        lookUp(fullWidth(c.number()), c.trackingCode().toLowerCase() + "\u3000");
        PublicRatingForm form = _get(PublicRatingForm.class);
        _setValue(form.rating, Rating.SATISFIED);
        _setValue(form.solved, Boolean.TRUE);
        PublicTrackView guesser = openFrom("10.20.31.1");
        _setValue(guesser.number, c.number().toLowerCase() + "\u00A0");
        for (int i = 0; i < 10; i++) {
            _setValue(guesser.code, "WRONG" + i);
            _click(guesser.lookUp);
        }
        NotificationsKt.clearNotifications();

        form.send();

        assertThat(notices()).containsExactly("该工单号的查询错误次数过多，已暂停查询，请 15 分钟后再试。");
        assertThat(jdbc.queryForObject("select rating from case_file where number = ?", String.class, c.number()))
                .isNull();
    }

    @Test
    void the_sixty_first_lookup_from_one_address_within_the_hour_is_refused() {
        PublicCase c = repliedCase("13900004680");
        PublicTrackView view = open("public/track");
        _setValue(view.number, c.number());
        _setValue(view.code, c.trackingCode());
        for (int i = 1; i <= 60; i++) {
            _click(view.lookUp);
            assertThat(view.result.getChildren()).as("lookup %d", i).isNotEmpty();
        }
        NotificationsKt.clearNotifications();

        _click(view.lookUp);

        assertThat(notices()).containsExactly("操作过于频繁，请稍后再试。");
        _assertNone(PublicCaseCard.class);
    }

    @Test
    void the_eleventh_rating_attempt_from_one_address_within_the_hour_is_refused_before_the_service() {
        PublicCase c = repliedCase("13900005791");
        lookUp(c.number(), c.trackingCode());
        PublicRatingForm form = _get(PublicRatingForm.class);
        _setValue(form.rating, Rating.SATISFIED);
        _setValue(form.solved, Boolean.TRUE);
        _click(form.send);
        for (int i = 2; i <= 10; i++) {
            NotificationsKt.clearNotifications();
            form.send();
            assertThat(notices()).as("attempt %d", i).singleElement().asString().contains("现在不能评价");
        }
        NotificationsKt.clearNotifications();

        form.send();

        assertThat(notices()).containsExactly("操作过于频繁，请稍后再试。");
    }

    /** A web report dispatched at 9:00, signed at 9:20 (plus an internal extension request), replied at 10:30. */
    private PublicCase repliedCase(String phone) {
        PublicCase c = citizens.report(aReport().channel(Channel.WEB, null).item("SR-04").in("D05", "S0501")
                .address("查询路 " + System.nanoTime() % 1_000_000 + " 号").phone(phone).build(), List.of());
        clock.advance(Duration.ofMinutes(20));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(as("supervisor", () -> cases.get(c.id())).ref()));
        clock.advance(Duration.ofMinutes(30));
        CaseDetails asked = as("clerk.wuchang", () -> caseRequests.requestExtension(signed.ref(), "需要协调",
                signed.handleDueAt().plusDays(3)));
        clock.advance(Duration.ofMinutes(40));
        as("clerk.wuchang", () -> cases.reply(asked.ref(), ReplyOutcome.RESOLVED, "垃圾已清运，路面已冲洗", List.of()));
        return c;
    }

    private PublicTrackView lookUp(String number, String code) {
        PublicTrackView view = open("public/track");
        _setValue(view.number, number);
        _setValue(view.code, code);
        _click(view.lookUp);
        return view;
    }

    /** A tracking page whose requests come from the given client address (a fresh page, as another browser). */
    private PublicTrackView openFrom(String address) {
        PublicTrackView view = new PublicTrackView(citizens, limits, new ClientAddress() {
            @Override
            public String current() {
                return address;
            }
        }, catalog, clock);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        ascii.chars().forEach(ch -> b.append((char) (ch >= '!' && ch <= '~' ? ch - '!' + 0xFF01 : ch)));
        return b.toString();
    }

    private PublicTrackView open(String path) {
        navigate(path);
        return _get(PublicTrackView.class);
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(userDetails, username, action);
    }
}
