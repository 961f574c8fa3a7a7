package org.civitas.citizen.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.channel.ChannelService;
import org.civitas.channel.ChannelSystem;
import org.civitas.citizen.PublicLimits;
import org.civitas.notify.OutboxRuns;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The channels end to end, in one journey: a channel system registers a case with its key and retries it safely, hears
 * every status change on its callback URL (signed), the unit replies, the citizen follows and rates the case on the
 * public tracking page; and an Open311 client lists the services and files a request.
 */
class ChannelJourneyTest extends KaribuTest {

    static final ObjectMapper JSON = new ObjectMapper();

    record Callback(String body, String signature, String timestamp) {
    }

    @Autowired ChannelService channels;
    @Autowired CaseService cases;
    @Autowired PublicLimits limits;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    HttpServer server;
    final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    final List<Callback> decoy = new CopyOnWriteArrayList<>();

    @BeforeEach
    void a_monday_and_a_channel_system_listening() throws Exception {
        clock.set(LocalDateTime.of(2026, 7, 13, 9, 0));
        limits.forgetAll();
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/decoy-hook", exchange -> {
            decoy.add(new Callback(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), null,
                    null));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/civitas-hook", exchange -> {
            callbacks.add(new Callback(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Civitas-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Civitas-Timestamp")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.reset();
        limits.forgetAll();
    }

    @Test
    void register_retry_hear_every_change_track_and_rate_then_file_through_open311() throws Exception {
        String url = "http://localhost:" + server.getAddress().getPort() + "/civitas-hook";
        String code = "T_JOURNEY_" + System.nanoTime() % 100_000;
        // another system on the same channel, made first: it must not hear of cases it did not file
        RunAs.user("admin", () -> channels.saveSystem(code + "_D", "另一家 App", Channel.APP,
                "http://localhost:" + server.getAddress().getPort() + "/decoy-hook", true), "ADMIN");
        ChannelSystem system = RunAs.user("admin", () -> channels.saveSystem(code, "旅程测试 App", Channel.APP, url,
                true), "ADMIN");
        String key = RunAs.user("admin", () -> channels.createKey(code, "journey"), "ADMIN");

        // registered once, retried with the same Idempotency-Key and again with the same ref: one case
        String ref = "J-" + System.nanoTime();
        String body = JSON.writeValueAsString(Map.of("ref", ref, "phone", "13700002580", "district", "D05",
                "street", "S0501", "address", "旅程路 1 号", "description", "人行道上有暴露垃圾", "item", "SR-01"));
        MockHttpServletResponse first = call(post("/api/v1/cases").header("X-API-Key", key)
                .header("Idempotency-Key", ref).contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(first.getStatus()).isEqualTo(201);
        String number = json(first).get("number").asText();
        String trackingCode = json(first).get("tracking_code").asText();
        assertThat(trackingCode).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        for (int i = 0; i < 20; i++) {
            MockHttpServletResponse again = call(post("/api/v1/cases").header("X-API-Key", key)
                    .header("Idempotency-Key", i % 2 == 0 ? ref : ref + "-" + i)
                    .contentType(MediaType.APPLICATION_JSON).content(body));
            assertThat(again.getStatus()).isIn(200, 201);
            assertThat(json(again).get("number").asText()).isEqualTo(number);
        }
        assertThat(jdbc.queryForObject("select count(*) from case_file where channel_ref = ?", Integer.class, ref))
                .isEqualTo(1);

        // the district's clerk signs and replies
        long id = jdbc.queryForObject("select id from case_file where number = ?", Long.class, number);
        clock.advance(Duration.ofMinutes(20));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(as("supervisor", () -> cases.get(id)).ref()));
        clock.advance(Duration.ofMinutes(40));
        as("clerk.wuchang", () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "垃圾已清运", List.of()));

        // the citizen finds it on the public page with the tracking code the app passed on and rates it, which
        // closes it; the last four digits of the phone no longer open a case that has a code
        navigate("public/track/" + number);
        PublicTrackView view = _get(PublicTrackView.class);
        _setValue(view.code, "2580");
        _click(view.lookUp);
        _assertNone(PublicCaseCard.class);
        _setValue(view.code, trackingCode.toLowerCase());
        _click(view.lookUp);
        assertThat(_get(PublicCaseCard.class).reply.getText()).isEqualTo("垃圾已清运");
        PublicRatingForm form = _get(PublicRatingForm.class);
        _setValue(form.rating, Rating.SATISFIED);
        _setValue(form.solved, Boolean.TRUE);
        _click(form.send);
        assertThat(jdbc.queryForObject("select status from case_file where id = ?", String.class, id))
                .isEqualTo("CLOSED");

        // the channel heard every change, signed with its secret, in order
        OutboxRuns.dispatchDue(context);
        List<String> statuses = callbacks.stream().map(c -> {
            assertThat(c.signature()).isEqualTo("sha256=" + hmac(system.hmacSecret(), c.timestamp() + "." + c.body()));
            JsonNode n = read(c.body());
            assertThat(n.get("number").asText()).isEqualTo(number);
            assertThat(n.get("ref").asText()).isEqualTo(ref);
            return n.get("status").asText();
        }).toList();
        assertThat(statuses).containsSubsequence("DISPATCHED", "IN_PROGRESS", "REPLIED", "CLOSED");
        assertThat(decoy).isEmpty();

        // an Open311 client lists the services and files a request with the same key
        JsonNode services = json(call(get("/open311/v2/services.json")));
        assertThat(services.findValuesAsText("service_code")).contains("SR-01");
        MockHttpServletResponse filed = call(post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key)
                .param("service_code", "SR-01").param("attribute[district]", "D05")
                .param("address_string", "旅程路 2 号").param("description", "又有暴露垃圾"));
        assertThat(filed.getStatus()).isEqualTo(200);
        String requestId = json(filed).get(0).get("service_request_id").asText();
        assertThat(json(call(get("/open311/v2/requests/" + requestId + ".json").param("api_key", key)))
                .get(0).get("description").asText()).isEqualTo("又有暴露垃圾");
        assertThat(jdbc.queryForObject("select lead_unit_code from case_file where number = ?", String.class,
                requestId)).isEqualTo("D05");
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(userDetails, username, action);
    }
}
