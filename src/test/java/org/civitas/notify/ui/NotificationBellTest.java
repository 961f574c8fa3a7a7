package org.civitas.notify.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.List;
import org.civitas.notify.NotificationKind;
import org.civitas.notify.NotificationService;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class NotificationBellTest extends KaribuTest {

    @Autowired NotificationService notifications;
    @Autowired TransactionTemplate tx;

    @Test
    void the_bell_shows_the_clerks_unread_count_and_marks_all_read() {
        login("clerk.wuchang");
        notifications.markAllRead();
        tx.executeWithoutResult(s -> {
            notifications.notifyUsers(List.of("clerk.wuchang"), NotificationKind.DISPATCHED, 41L, "WM202603020041",
                    "notify.dispatched", "WM202603020041", LocalDateTime.of(2026, 3, 3, 17, 30));
            notifications.notifyUsers(List.of("clerk.wuchang"), NotificationKind.OVERDUE, 42L, "WM202603020042",
                    "notify.overdue", "WM202603020042", LocalDateTime.of(2026, 3, 3, 17, 30));
        });

        navigate("");
        Span count = _get(Span.class, spec -> spec.withId("notification-count"));
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("2");
        assertThat(_find(Span.class, spec -> spec.withClasses("notification-text")).stream().map(Span::getText))
                .startsWith("工单 WM202603020042 已超过办理时限 2026-03-03 17:30，请尽快办结。",
                        "工单 WM202603020041 已派给贵单位，请于 2026-03-03 17:30 前办结。");

        _click(_get(Button.class, spec -> spec.withId("notification-mark-all")));
        assertThat(count.isVisible()).isFalse();
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void another_user_does_not_see_the_clerks_notifications() {
        login("clerk.jiangan");
        notifications.markAllRead();
        navigate("");
        assertThat(_find(Span.class, spec -> spec.withId("notification-count"))).isEmpty(); // no visible badge
        assertThat(_get(NotificationBell.class).isVisible()).isTrue();
    }
}
