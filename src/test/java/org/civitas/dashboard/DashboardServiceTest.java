package org.civitas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.UserForm;
import org.civitas.security.UserService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboard figures against cases taken through their lifecycle. Each test works in a month of 2025 of its own,
 * far from the other tests' cases, so the month's figures are exact; the queue is open-ended, so it is compared
 * with a baseline taken at the same instant.
 */
@IntegrationTest
class DashboardServiceTest {

    // SR-02, SR-04 and SR-10 are territorial items with a limit of one working day
    static final LocalDateTime JUNE_9 = LocalDateTime.of(2025, 6, 9, 9, 0); // Monday
    static final LocalDateTime DUE = LocalDateTime.of(2025, 6, 10, 17, 30);

    @Autowired DashboardService dashboard;
    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired UserService userAdmin;

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_month_figures_are_the_hand_counted_rates_of_the_month() {
        LocalDateTime evening = DUE.plusHours(1);
        clock.set(evening);
        QueueCounts before = as("clerk.wuchang", dashboard::queue);

        clock.set(JUNE_9);
        CaseDetails c1 = register("SR-02", Channel.HOTLINE_12345);
        CaseDetails c2 = register("SR-02", Channel.HOTLINE_12345);
        CaseDetails c3 = register("SR-02", Channel.HOTLINE_12345);
        CaseDetails c4 = register("SR-04", Channel.HOTLINE_12345);
        CaseDetails c5 = register("SR-04", Channel.APP);
        assertThat(c5.handleDueAt()).isEqualTo(DUE);
        clock.set(JUNE_9.plusHours(1));
        rate(replyOnTime(c1), Rating.SATISFIED);
        rate(replyOnTime(c2), Rating.BASICALLY_SATISFIED);
        rate(replyOnTime(c3), Rating.DISSATISFIED);
        CaseDetails signed4 = as("clerk.wuchang", () -> cases.sign(c4.ref()));
        as("clerk.wuchang", () -> cases.sign(c5.ref())); // c5 is never answered: open and overdue

        clock.set(evening);
        CaseDetails late = as("clerk.wuchang",
                () -> cases.reply(signed4.ref(), ReplyOutcome.RESOLVED, "已处理", List.of()));
        assertThat(late.repliedOnTime()).isFalse(); // c4: replied late, not rated
        CaseDetails c6 = register("SR-10", Channel.WECHAT); // open, due tomorrow

        Overview o = as("supervisor", dashboard::overview);
        assertThat(o.month()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(o.receivedThisMonth()).isEqualTo(6);
        assertThat(o.receivedToday()).isEqualTo(1);
        // on time: c1, c2, c3 of the replied c1–c4 and the open overdue c5; c6 is not due yet
        assertThat(o.onTime()).isEqualTo(new Rate(3, 5));
        assertThat(o.onTime().value()).hasValue(0.6);
        // satisfaction: c1 satisfied and c2 basically satisfied of the rated c1–c3; unrated c4 left out
        assertThat(o.satisfaction()).isEqualTo(new Rate(2, 3));
        assertThat(o.topItems()).extracting(ItemCount::itemCode, ItemCount::count)
                .containsExactly(tuple("SR-02", 3L), tuple("SR-04", 2L), tuple("SR-10", 1L));
        assertThat(o.topItems().get(0).itemName()).isEqualTo("道路不洁");
        assertThat(o.channels()).extracting(ChannelCount::channel, ChannelCount::count)
                .containsExactly(tuple(Channel.HOTLINE_12345, 4L), tuple(Channel.APP, 1L),
                        tuple(Channel.WECHAT, 1L));
        assertThat(o.trend()).hasSize(30);
        assertThat(o.trend().get(29)).isEqualTo(new DayVolume(LocalDate.of(2025, 6, 10), 1, 0));
        assertThat(o.trend().get(28)).isEqualTo(new DayVolume(LocalDate.of(2025, 6, 9), 5, 2)); // c1, c2 closed
        assertThat(o.trend().get(0).day()).isEqualTo(LocalDate.of(2025, 5, 12));

        QueueCounts after = as("clerk.wuchang", dashboard::queue);
        assertThat(after.overdue() - before.overdue()).isEqualTo(1); // c5
        assertThat(after.inProgress() - before.inProgress()).isEqualTo(1); // c5
        assertThat(after.toSign() - before.toSign()).isEqualTo(1); // c6
        assertThat(after.awaitingRating() - before.awaitingRating()).isEqualTo(1); // c4; c3 waits for the supervisor
        List<Long> nearest = as("clerk.wuchang", dashboard::nearestDeadlines).stream().map(DeadlineRow::id).toList();
        assertThat(nearest).contains(c5.id(), c6.id());
        assertThat(nearest.indexOf(c5.id())).isLessThan(nearest.indexOf(c6.id())); // earliest deadline first
        assertThat(as("leader", dashboard::overview)).isEqualTo(o); // the city leader sees the city
    }

    @Test
    void a_clerk_counts_only_the_cases_of_their_own_unit() {
        clock.set(LocalDateTime.of(2025, 7, 7, 9, 0)); // Monday
        QueueCounts wuchang = as("clerk.wuchang", dashboard::queue);
        QueueCounts jiangan = as("clerk.jiangan", dashboard::queue);
        QueueCounts city = as("supervisor", dashboard::queue);

        CaseDetails w1 = register("SR-04", "D05", "S0501");
        CaseDetails w2 = register("SR-04", "D05", "S0502");
        CaseDetails j1 = register("SR-04", "D01", null);

        assertThat(as("clerk.wuchang", dashboard::queue).toSign()).isEqualTo(wuchang.toSign() + 2);
        assertThat(as("clerk.jiangan", dashboard::queue).toSign()).isEqualTo(jiangan.toSign() + 1);
        assertThat(as("supervisor", dashboard::queue).toSign()).isEqualTo(city.toSign() + 3);
        List<DeadlineRow> nearest = as("clerk.wuchang", dashboard::nearestDeadlines);
        assertThat(nearest).extracting(DeadlineRow::id).contains(w1.id(), w2.id()).doesNotContain(j1.id());
        assertThat(nearest).allMatch(r -> "D05".equals(r.leadUnitCode()) || "D05".equals(r.handlingUnitCode()));
    }

    @Test
    void a_case_handed_to_a_street_is_on_the_queue_of_the_street_and_of_its_district() {
        String streetClerk = "clerk.s0502." + System.nanoTime();
        RunAs.user("admin", () -> userAdmin.create(new UserForm(streetClerk, "水果湖街经办人",
                Set.of(AppRoles.UNIT_CLERK), "S0502", null, true, "Street-Clerk-2025!")), AppRoles.ADMIN);
        clock.set(LocalDateTime.of(2025, 8, 4, 9, 0)); // Monday
        QueueCounts district = as("clerk.wuchang", dashboard::queue);
        QueueCounts street = as(streetClerk, dashboard::queue);

        CaseDetails c = register("SR-04", "D05", "S0501");
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
        as("clerk.wuchang", () -> cases.subDispatch(signed.ref(), "S0502"));

        assertThat(as("clerk.wuchang", dashboard::queue).inProgress()).isEqualTo(district.inProgress() + 1);
        assertThat(as(streetClerk, dashboard::queue).inProgress()).isEqualTo(street.inProgress() + 1);
        assertThat(as(streetClerk, dashboard::nearestDeadlines)).extracting(DeadlineRow::id).contains(c.id());
        assertThat(as(streetClerk, dashboard::nearestDeadlines))
                .allMatch(r -> "S0502".equals(r.handlingUnitCode()));
    }

    @Test
    void only_supervisors_and_leaders_see_the_city_figures_and_no_one_without_a_case_role_sees_cases() {
        assertThatThrownBy(() -> as("clerk.wuchang", dashboard::overview)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("operator", dashboard::overview)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", dashboard::queue)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("auditor", dashboard::nearestDeadlines))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- fixture -------------------------------------------------------------------------------------------------

    private CaseDetails register(String item, Channel channel) {
        return as("operator", () -> cases.register(report(item, channel, "D05", "S0501")));
    }

    private CaseDetails register(String item, String district, String street) {
        return as("operator", () -> cases.register(report(item, Channel.HOTLINE_12345, district, street)));
    }

    private static NewCase report(String item, Channel channel, String district, String street) {
        return new NewCase(channel, null, null, "张三", "13812345678", false, district, street, "中华路 1 号", null, null,
                "路边有暴露垃圾，多日无人清运", item);
    }

    private CaseDetails replyOnTime(CaseDetails c) {
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
        CaseDetails replied = as("clerk.wuchang",
                () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已处理", List.of()));
        assertThat(replied.repliedOnTime()).isTrue();
        return replied;
    }

    private void rate(CaseDetails c, Rating rating) {
        as("operator", () -> cases.rate(c.ref(), rating, rating.satisfied(), null));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }
}
