package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civitas.cases.Channel;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Contract of /api/v1: every endpoint, every error status, idempotency and retries. */
@IntegrationTest
class IntakeApiTest {

    static final String CODE = "T_API_WECHAT";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ChannelService channels;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    MockMvc mvc;
    String key;

    @BeforeEach
    void setUp() {
        mvc = mvc(context);
        key = key(channels);
    }

    /** MockMvc over the whole filter chain, API key filter included. */
    static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** A fresh key of the test's WeChat channel system, which is created on first use. */
    static String key(ChannelService channels) {
        if (channels.find(CODE).isEmpty()) {
            channels.upsert(CODE, "测试微信", Channel.WECHAT, null, "s3cret", true, "test");
        }
        return RunAs.user("admin", () -> channels.createKey(CODE, "test"), "ADMIN");
    }

    static String report(String ref, String description) {
        return ClientJson.write(Map.of("ref", ref, "name", "李四", "phone", "13812345678", "district", "D05",
                "street", "S0501", "address", "中华路 1 号", "description", description, "item", "SR-01"));
    }

    static String ref() {
        return "WX-" + UUID.randomUUID().toString().substring(0, 18);
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse register(String body, String idemKey) throws Exception {
        var r = post("/api/v1/cases").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
        if (idemKey != null) {
            r.header("Idempotency-Key", idemKey);
        }
        return call(r);
    }

    static JsonNode json(MockHttpServletResponse r) throws Exception {
        return ClientJson.MAPPER.readTree(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    int cases(String ref) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE channel = 'WECHAT' AND channel_ref = :r",
                Map.of("r", ref), Integer.class);
    }

    @Test
    void registers_reads_by_ref_and_number_and_replays_the_same_ref() throws Exception {
        String ref = ref();
        MockHttpServletResponse created = register(report(ref, "路边有暴露垃圾"), null);
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode c = json(created);
        assertThat(c.get("ref").asText()).isEqualTo(ref);
        assertThat(c.get("channel").asText()).isEqualTo("WECHAT");
        assertThat(c.get("number").asText()).isNotBlank();
        assertThat(c.get("received_at").asText()).endsWith("+08:00");
        assertThat(c.get("timeline").get(0).get("action").asText()).isEqualTo("REGISTER");
        assertThat(c.has("phone")).isFalse();
        assertThat(created.getContentAsString()).doesNotContain("13812345678").doesNotContain("李四");

        MockHttpServletResponse again = register(report(ref, "路边有暴露垃圾"), null);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(json(again).get("number").asText()).isEqualTo(c.get("number").asText());

        MockHttpServletResponse byRef = call(get("/api/v1/cases/" + ref).header("X-API-Key", key));
        assertThat(byRef.getStatus()).isEqualTo(200);
        assertThat(json(byRef).get("number").asText()).isEqualTo(c.get("number").asText());
        MockHttpServletResponse byNumber = call(get("/api/v1/cases/by-number/" + c.get("number").asText())
                .header("X-API-Key", key));
        assertThat(byNumber.getStatus()).isEqualTo(200);
        assertThat(json(byNumber).get("ref").asText()).isEqualTo(ref);
        assertThat(cases(ref)).isEqualTo(1);
    }

    @Test
    void unknown_cases_are_404_and_keys_are_checked() throws Exception {
        MockHttpServletResponse missing = call(get("/api/v1/cases/NO-SUCH-REF-X").header("X-API-Key", key));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(missing).get("errors").get(0).get("message_en").asText()).startsWith("No such case");
        assertThat(call(get("/api/v1/cases/by-number/X0000").header("X-API-Key", key)).getStatus()).isEqualTo(404);

        assertThat(call(get("/api/v1/cases/NO-SUCH-REF-X")).getStatus()).isEqualTo(401);
        MockHttpServletResponse wrong = call(get("/api/v1/cases/NO-SUCH-REF-X").header("X-API-Key", key + "x"));
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(json(wrong).get("errors").get(0).get("message").asText()).isEqualTo("API 密钥缺失或无效。");

        long id = jdbc.queryForObject("SELECT id FROM channel_api_key WHERE key_hash = :h",
                Map.of("h", ChannelService.sha256(key)), Long.class);
        RunAs.user("admin", () -> channels.revokeKey(id), "ADMIN");
        assertThat(call(get("/api/v1/cases/NO-SUCH-REF-X").header("X-API-Key", key)).getStatus()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'API_KEY_REVOKED' AND target_id = :id",
                Map.of("id", String.valueOf(id)), Integer.class)).isEqualTo(1);
    }

    @Test
    void a_channel_system_reads_its_own_record_and_secret_but_no_other() {
        assertThat(RunAs.user("channel:" + CODE, () -> channels.system(CODE), "CHANNEL")).isPresent();
        assertThatThrownBy(() -> RunAs.user("channel:" + CODE, () -> channels.system("DEMO_APP"), "CHANNEL"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user("clerk.wuchang", () -> channels.system(CODE), "UNIT_CLERK"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(RunAs.user("admin", () -> channels.system(CODE), "ADMIN")).isPresent();
    }

    @Test
    void validation_errors_name_the_field_in_chinese_and_english() throws Exception {
        String body = report(ref(), "x").replace("13812345678", "12345");
        MockHttpServletResponse bad = register(body, null);
        assertThat(bad.getStatus()).isEqualTo(400);
        JsonNode e = json(bad).get("errors").get(0);
        assertThat(e.get("field").asText()).isEqualTo("phone");
        assertThat(e.get("message").asText()).isEqualTo("请填写正确的手机号码或带区号的固定电话。");
        assertThat(e.get("message_en").asText()).isEqualTo("Enter a valid mobile number or a landline with area code.");

        MockHttpServletResponse noRef = register(report("", "x"), null);
        assertThat(noRef.getStatus()).isEqualTo(400);
        assertThat(json(noRef).get("errors").get(0).get("code").asText()).isEqualTo("api.error.refRequired");
        assertThat(register("{not json", null).getStatus()).isEqualTo(400);
        MockHttpServletResponse badDistrict = register(report(ref(), "x").replace("\"D05\"", "\"D99\""), null);
        assertThat(badDistrict.getStatus()).isEqualTo(400);
        assertThat(json(badDistrict).get("errors").get(0).get("field").asText()).isEqualTo("district");
    }

    @Test
    void oversized_and_non_image_photos_are_refused() throws Exception {
        String ref = ref();
        String text = Base64.getEncoder().encodeToString("<script>not an image</script>".getBytes());
        String withText = report(ref, "x").replaceFirst("\\}$",
                ",\"photos\":[{\"file_name\":\"a.jpg\",\"data\":\"" + text + "\"}]}");
        MockHttpServletResponse r = register(withText, null);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json(r).get("errors").get(0).get("code").asText()).isEqualTo("case.error.notAnImage");
        byte[] big = new byte[11 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        String withBig = report(ref, "x").replaceFirst("\\}$",
                ",\"photos\":[{\"file_name\":\"b.jpg\",\"data\":\"" + Base64.getEncoder().encodeToString(big) + "\"}]}");
        MockHttpServletResponse r2 = register(withBig, null);
        assertThat(r2.getStatus()).isEqualTo(400);
        assertThat(json(r2).get("errors").get(0).get("code").asText()).isEqualTo("case.error.photoSize");
        assertThat(cases(ref)).isZero();
    }

    @Test
    void script_and_sql_come_back_unchanged() throws Exception {
        String evil = "<script>alert('x')</script>\"; DROP TABLE case_file; -- ' OR '1'='1 &amp; \\ </request>";
        String ref = ref();
        MockHttpServletResponse r = register(report(ref, evil), null);
        assertThat(r.getStatus()).isEqualTo(201);
        assertThat(json(r).get("description").asText()).isEqualTo(evil);
        assertThat(json(call(get("/api/v1/cases/" + ref).header("X-API-Key", key))).get("description").asText())
                .isEqualTo(evil);
    }

    @Test
    void rating_before_a_reply_is_a_conflict_and_a_bad_rating_is_400() throws Exception {
        String ref = ref();
        register(report(ref, "x"), null);
        MockHttpServletResponse early = call(post("/api/v1/cases/" + ref + "/rating").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\",\"solved\":true}"));
        assertThat(early.getStatus()).isEqualTo(409);
        MockHttpServletResponse bad = call(post("/api/v1/cases/" + ref + "/rating").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"GREAT\"}"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("rating");
        assertThat(call(post("/api/v1/cases/NO-SUCH-REF-Y/rating").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\"}")).getStatus()).isEqualTo(404);
    }

    @Test
    void idempotency_key_replays_refuses_another_body_and_a_request_in_flight() throws Exception {
        String idem = UUID.randomUUID().toString();
        String ref = ref();
        MockHttpServletResponse first = register(report(ref, "x"), idem);
        assertThat(first.getStatus()).isEqualTo(201);
        MockHttpServletResponse replay = register(report(ref, "x"), idem);
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getContentAsString()).isEqualTo(first.getContentAsString());
        MockHttpServletResponse other = register(report(ref(), "y"), idem);
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(json(other).get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");

        String inFlight = UUID.randomUUID().toString();
        String body = report(ref(), "z");
        jdbc.update("""
                INSERT INTO api_idempotency_key (channel_code, idem_key, request_hash, state, created_at, expires_at)
                VALUES (:c, :k, :h, 'IN_FLIGHT', NOW(), NOW() + INTERVAL 1 DAY)""",
                Map.of("c", CODE, "k", inFlight, "h", IntakeApi.hash("POST /cases", body)));
        assertThat(register(body, inFlight).getStatus()).isEqualTo(409);
        assertThat(register(report(ref(), "z"), " ".repeat(3)).getStatus()).isEqualTo(400);
    }

    @Test
    void a_thousand_retries_of_one_intake_make_one_case() throws Exception {
        String ref = ref();
        String body = report(ref, "重复提交");
        String number = json(register(body, null)).get("number").asText();
        for (int i = 0; i < 1000; i++) {
            MockHttpServletResponse r = register(body, null);
            assertThat(r.getStatus()).isEqualTo(200);
            if (i % 100 == 0) {
                assertThat(json(r).get("number").asText()).isEqualTo(number);
            }
        }
        assertThat(cases(ref)).isEqualTo(1);

        String ref2 = ref();
        String body2 = report(ref2, "并发重复提交");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> register(body2, null).getStatus()));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isIn(200, 201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases(ref2)).isEqualTo(1);
        assertThat(register(body2, null).getStatus()).isEqualTo(200);
    }
}
