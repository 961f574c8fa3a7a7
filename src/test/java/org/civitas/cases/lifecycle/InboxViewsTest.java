package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.cases.inbox.InboxOrder;
import org.civitas.cases.lifecycle.InboxViews.SavedView;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Saved inbox views: each user's own, by a name unique to them; a refused name changes nothing. */
@IntegrationTest
class InboxViewsTest {

    @Autowired InboxViews views;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void no_views_yet() {
        jdbc.update("delete from inbox_view where username in ('leader', 'inspector')");
    }

    @Test
    void a_saved_view_opens_with_its_filters_sort_and_columns_and_can_be_renamed_and_deleted() {
        SavedView saved = as("leader", () -> views.save("  武昌超期 ", "district=D05&overdue=true",
                InboxOrder.RECEIVED_DESC, "number,status,item"));
        assertThat(saved.name()).as("trimmed").isEqualTo("武昌超期");

        List<SavedView> mine = as("leader", views::mine);
        assertThat(mine).singleElement().satisfies(v -> {
            assertThat(v.query()).isEqualTo("district=D05&overdue=true");
            assertThat(v.order()).isEqualTo(InboxOrder.RECEIVED_DESC);
            assertThat(v.columns()).isEqualTo("number,status,item");
        });

        as("leader", () -> views.rename(saved.id(), "武昌区超期工单"));
        assertThat(as("leader", views::mine)).extracting(SavedView::name).containsExactly("武昌区超期工单");

        as("leader", () -> views.delete(saved.id()));
        assertThat(as("leader", views::mine)).isEmpty();
    }

    @Test
    void each_user_sees_and_changes_only_their_own_views_and_may_reuse_anothers_name() {
        SavedView leaders = as("leader", () -> views.save("待签收", "status=DISPATCHED", null, null));
        SavedView inspectors = as("inspector", () -> views.save("待签收", "status=DISPATCHED", null, null));

        assertThat(as("inspector", views::mine)).extracting(SavedView::id).containsExactly(inspectors.id());
        assertThatThrownBy(() -> as("inspector", () -> views.rename(leaders.id(), "别人的")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("inbox.views.error.missing"));
        assertThatThrownBy(() -> as("inspector", () -> views.delete(leaders.id())))
                .isInstanceOf(RuleViolation.class);
        assertThat(as("leader", views::mine)).extracting(SavedView::name).containsExactly("待签收");
    }

    @Test
    void an_empty_too_long_or_taken_name_is_refused_and_changes_nothing() {
        SavedView first = as("leader", () -> views.save("超期", "overdue=true", null, null));
        SavedView second = as("leader", () -> views.save("今日", "from=2031-01-01", null, null));

        refused(() -> views.save("   ", "", null, null), "inbox.views.error.empty");
        refused(() -> views.save("一二三四五六七八九十一二三四五六七八九十一", "", null, null), "inbox.views.error.tooLong");
        refused(() -> views.save("超期", "status=DISPATCHED", null, null), "inbox.views.error.duplicate");
        refused(() -> views.rename(second.id(), "超期"), "inbox.views.error.duplicate");
        refused(() -> views.rename(second.id(), ""), "inbox.views.error.empty");

        assertThat(as("leader", views::mine)).extracting(SavedView::name, SavedView::query)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("超期", "overdue=true"),
                        org.assertj.core.groups.Tuple.tuple("今日", "from=2031-01-01"));
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void a_name_of_twenty_characters_is_accepted() {
        assertThat(as("leader", () -> views.save("一二三四五六七八九十一二三四五六七八九十", "", null, null)).name())
                .hasSize(20);
    }

    private void refused(Runnable action, String key) {
        assertThatThrownBy(() -> as("leader", action)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.key()).isEqualTo(key));
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }

    private void as(String username, Runnable action) {
        RunAs.account(users, username, action);
    }
}
