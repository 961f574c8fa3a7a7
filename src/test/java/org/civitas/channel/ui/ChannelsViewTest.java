package org.civitas.channel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.civitas.cases.Channel;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

class ChannelsViewTest extends KaribuTest {

    @Test
    void an_administrator_adds_a_channel_system() {
        login("admin");
        navigate("admin/channels");
        ChannelsView view = _get(ChannelsView.class);
        view.code.setValue("T_VIEW_12345");
        view.name.setValue("测试 12345 平台");
        view.channel.setValue(Channel.HOTLINE_12345);
        _get(Button.class, spec -> spec.withId("channel-save")).click();
        int rows = GridKt._size(view.systems);
        boolean found = false;
        for (int i = 0; i < rows; i++) {
            found |= GridKt._get(view.systems, i).code().equals("T_VIEW_12345");
        }
        assertThat(found).isTrue();
        // keys' times to the minute (the demo channel's key), never the database's microseconds
        assertThat(GridKt._size(view.keys)).isPositive();
        for (int i = 0; i < GridKt._size(view.keys); i++) {
            assertThat(GridKt._getFormattedRow(view.keys, i))
                    .anyMatch(cell -> cell.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"))
                    .noneMatch(cell -> cell.matches(".*\\d{2}:\\d{2}:\\d{2}.*"));
        }
    }

    @Test
    void a_callback_into_the_internal_network_is_refused_with_the_reason_and_nothing_is_saved() {
        login("admin");
        navigate("admin/channels");
        ChannelsView view = _get(ChannelsView.class);
        view.code.setValue("T_VIEW_SSRF");
        view.name.setValue("内网回调");
        view.channel.setValue(Channel.APP);
        view.callback.setValue("https://169.254.169.254/latest/meta-data");
        _get(Button.class, spec -> spec.withId("channel-save")).click();
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(t -> t.startsWith("回调地址的主机 169.254.169.254 解析为内部网络地址"));
        int rows = GridKt._size(view.systems);
        for (int i = 0; i < rows; i++) {
            assertThat(GridKt._get(view.systems, i).code()).isNotEqualTo("T_VIEW_SSRF");
        }
    }

    @Test
    void a_clerk_cannot_open_the_channels() {
        login("clerk.wuchang");
        navigate("admin/channels");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(ChannelsView.class::isInstance);
    }
}
