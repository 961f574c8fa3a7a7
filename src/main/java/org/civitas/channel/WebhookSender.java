package org.civitas.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.notify.MessageSender;
import org.civitas.notify.OutboundMessage;
import org.civitas.notify.OutboxChannel;
import org.springframework.stereotype.Component;

/**
 * POSTs a status callback to its channel system's callback URL, signed:
 * {@code X-Civitas-Signature: sha256=<hex HMAC-SHA256 of the body with the channel's secret>},
 * {@code X-Civitas-Timestamp} (epoch seconds of this attempt) and {@code X-Civitas-Delivery} (the outbox id, the
 * same on every retry, for the receiver to drop duplicates). Anything but a 2xx is a failed attempt.
 */
@Component
class WebhookSender implements MessageSender {

    static final String SIGNATURE = "X-Civitas-Signature";

    private final ChannelService channels;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(ChannelService channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.WEBHOOK;
    }

    @Override
    public void send(OutboundMessage message) throws Exception {
        ChannelSystem system = channels.find(message.recipient())
                .filter(s -> s.active() && s.callbackUrl() != null)
                .orElseThrow(() -> new IllegalStateException("No active callback for " + message.recipient()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.callbackUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE, "sha256=" + sign(system.hmacSecret(), message.body()))
                .header("X-Civitas-Timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .header("X-Civitas-Delivery", String.valueOf(message.id()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Callback to " + system.code() + " answered " + response.statusCode());
        }
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
