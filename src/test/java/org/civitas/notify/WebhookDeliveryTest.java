package org.civitas.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.PublicCase;
import org.civitas.channel.ChannelService;
import org.civitas.channel.ChannelSystem;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A channel's status callback arrives signed at its URL, and after a failed attempt it is retried. */
@IntegrationTest
class WebhookDeliveryTest {

    record Received(String body, String signature, String delivery, String timestamp) {
    }

    @Autowired ChannelService channels;
    @Autowired CitizenCases citizens;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired MutableClock clock;

    @Test
    void the_callback_is_signed_and_retried_after_a_failure() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Civitas-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Civitas-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Civitas-Timestamp")));
            int status = calls.incrementAndGet() == 1 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort() + "/hook";
            ChannelSystem system = RunAs.user("admin", () -> channels.saveSystem("T_HOOK_OTHER", "回调测试",
                    Channel.OTHER, url, true), "ADMIN");
            PublicCase c = RunAs.user("channel:T_HOOK_OTHER", () -> citizens.report(new NewCase(Channel.OTHER,
                    "HOOK-0001", null, "王五", "13812345678", false, "D05", "S0501", "中华路 2 号",
                    null, null, "回调测试", "SR-01"), List.of()), "CHANNEL");

            dispatcher.dispatchDue();
            assertThat(calls.get()).isGreaterThanOrEqualTo(1);
            Received first = received.get(0);
            int afterFirstRun = calls.get();
            clock.advance(Duration.ofMinutes(3));
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(3));
            dispatcher.dispatchDue();
            assertThat(calls.get()).isGreaterThan(afterFirstRun);
            // the failed delivery came again, with the same delivery id and the same body
            assertThat(received.stream().filter(r -> r.delivery().equals(first.delivery())).count()).isEqualTo(2);
            for (Received r : received) {
                // the signature covers the attempt's timestamp and the body, so an old callback cannot be replayed
                assertThat(r.timestamp()).matches("[0-9]+");
                assertThat(r.signature()).isEqualTo("sha256=" + hmac(system.hmacSecret(), r.timestamp() + "." + r.body()));
                assertThat(r.signature()).isNotEqualTo("sha256=" + hmac(system.hmacSecret(), r.body()));
                assertThat(r.body()).contains("\"number\":\"" + c.number() + "\"").contains("\"ref\":\"HOOK-0001\"")
                        .contains("+08:00").doesNotContain("13812345678");
            }
            // once delivered, never again
            int delivered = calls.get();
            clock.advance(Duration.ofHours(2));
            dispatcher.dispatchDue();
            assertThat(calls.get()).isEqualTo(delivered);
        } finally {
            server.stop(0);
            clock.reset();
        }
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
