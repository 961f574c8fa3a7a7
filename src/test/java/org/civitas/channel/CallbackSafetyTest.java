package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.base.RuleViolation;
import org.civitas.cases.Channel;
import org.civitas.notify.OutboundMessage;
import org.civitas.notify.OutboxChannel;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A callback URL is checked when an administrator saves it and again before each send: no plain http and no address
 * inside the network unless allowed (the tests allow {@code localhost} only).
 */
@IntegrationTest
class CallbackSafetyTest {

    @Autowired ChannelService channels;
    @Autowired WebhookSender sender;
    @Autowired NamedParameterJdbcTemplate jdbc;

    String refusal(String code, String url) {
        try {
            RunAs.user("admin", () -> channels.saveSystem(code, "回调安全", Channel.OTHER, url, true), "ADMIN");
            return null;
        } catch (RuleViolation v) {
            return v.key();
        }
    }

    @Test
    void a_callback_into_the_network_or_over_plain_http_is_refused_when_saved() {
        for (String url : List.of("https://127.0.0.1/hook", "https://10.0.0.8/hook", "https://169.254.169.254/latest",
                "https://[::1]:8443/hook")) {
            assertThat(refusal("T_CB_SAVE", url)).as(url).isEqualTo("channel.error.callbackInternal");
        }
        assertThat(refusal("T_CB_SAVE", "http://hooks.example.com/hook")).isEqualTo("channel.error.callbackHttps");
        assertThat(refusal("T_CB_SAVE", "http://127.0.0.1:9/hook")).isEqualTo("channel.error.callbackHttps");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_system WHERE code = 'T_CB_SAVE'", Map.of(),
                Integer.class)).isZero();
        // the host the test properties allow
        assertThat(refusal("T_CB_SAVE", "http://localhost:9/hook")).isNull();
    }

    @Test
    void a_stored_callback_into_the_network_is_not_called() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            // rows written before the check (or whose name resolves elsewhere now): refused at the send
            for (String url : List.of("http://127.0.0.1:" + port + "/hook", "https://127.0.0.1:" + port + "/hook",
                    "https://10.0.0.8/hook", "https://169.254.169.254/hook", "https://[::1]:" + port + "/hook")) {
                String code = "T_CB_SEND_" + Math.abs(url.hashCode() % 100000);
                jdbc.update("""
                        INSERT INTO channel_system (code, name, channel, callback_url, hmac_secret, active, created_at)
                        VALUES (:code, '旧回调', 'OTHER', :url, 's3cret', TRUE, :now)""",
                        Map.of("code", code, "url", url, "now", LocalDateTime.now()));
                assertThatThrownBy(() -> sender.send(new OutboundMessage(1, OutboxChannel.WEBHOOK, code, null,
                        "{\"event\":\"case.status_changed\"}"))).as(url).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("refused");
            }
            assertThat(calls.get()).isZero();
            // the same server by the allowed name is called
            String code = "T_CB_SEND_OK";
            RunAs.user("admin", () -> channels.saveSystem(code, "回调", Channel.OTHER,
                    "http://localhost:" + port + "/hook", true), "ADMIN");
            sender.send(new OutboundMessage(2, OutboxChannel.WEBHOOK, code, null, "{}"));
            assertThat(calls.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
