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
import org.civitas.base.RuleViolation;
import org.civitas.notify.MessageSender;
import org.civitas.notify.OutboundMessage;
import org.civitas.notify.OutboxChannel;
import org.springframework.stereotype.Component;

/**
 * POSTs a status callback to its channel system's callback URL, signed:
 * {@code X-Civitas-Timestamp} (epoch seconds of this attempt),
 * {@code X-Civitas-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the channel's secret>}, so that a
 * receiver can refuse an old callback sent again, and {@code X-Civitas-Delivery} (the outbox id, the same on every
 * retry, for the receiver to drop duplicates). The URL is checked again before each attempt ({@link CallbackTargets}:
 * its name may resolve elsewhere since it was saved); redirects are not followed. Anything but a 2xx is a failed
 * attempt.
 */
@Component
class WebhookSender implements MessageSender {

    static final String SIGNATURE = "X-Civitas-Signature";
    static final String TIMESTAMP = "X-Civitas-Timestamp";

    private final ChannelService channels;
    private final CallbackTargets targets;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(ChannelService channels, CallbackTargets targets, Clock clock) {
        this.channels = channels;
        this.targets = targets;
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
        URI target;
        try {
            target = targets.check(system.callbackUrl());
        } catch (RuleViolation v) {
            throw new IllegalStateException("Callback to " + system.code() + " refused: " + v.key() + " "
                    + java.util.Arrays.toString(v.args()));
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE, "sha256=" + sign(system.hmacSecret(), timestamp + "." + message.body()))
                .header(TIMESTAMP, timestamp)
                .header("X-Civitas-Delivery", String.valueOf(message.id()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Callback to " + system.code() + " answered " + response.statusCode());
        }
    }

    /** The hex HMAC-SHA256 of the signed text ({@code timestamp + "." + body}) with the channel's secret. */
    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
