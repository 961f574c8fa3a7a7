package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.civitas.cases.Channel;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Random and hostile bodies for {@code POST /api/v1/cases} (jqwik's generators inside one Spring test): broken JSON,
 * wrong types, unknown items and units, huge and nasty strings. Each answer is a 2xx with the report stored exactly,
 * or a 4xx with a message in both languages and nothing stored. Never a 5xx.
 */
@IntegrationTest
class HostileApiInputTest {

    static final String CODE = "T_API_HOSTILE";
    static final int TRIES = 300;
    static final List<String> NASTY = List.of("<script>alert(1)</script>", "'; DROP TABLE case_file; --",
            "\" OR 1=1 --", "${jndi:ldap://x/a}", "\u0000", "\uD800", "\uD83D\uDE00表情", "\u202E", "null", "");

    @Autowired WebApplicationContext context;
    @Autowired ChannelService channels;
    @Autowired JdbcTemplate jdbc;
    MockMvc mvc;
    String key;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        if (channels.find(CODE).isEmpty()) {
            channels.upsert(CODE, "测试渠道（恶意输入）", Channel.OTHER, null, "s3cret", true, "test");
        }
        key = RunAs.user("admin", () -> channels.createKey(CODE, "test"), "ADMIN");
    }

    @Test
    void every_hostile_body_gets_a_stored_case_or_a_clear_4xx_and_nothing_stored() throws Exception {
        Random random = new Random(20261128L);
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("中文街道路号<>'\"&;%").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().alpha().ofMinLength(3990).ofMaxLength(4100));
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            String ref = "H-" + Long.toString(System.nanoTime(), 36) + "-" + i;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ref", ref);
            body.put("phone", pick(random, "13812345678", text));
            body.put("district", pick(random, "D05", text));
            body.put("street", pick(random, "S0501", text));
            body.put("address", pick(random, "中华路 9 号", text));
            body.put("description", pick(random, "占道经营", text));
            body.put("item", pick(random, "SR-04", text));
            switch (random.nextInt(8)) {
                case 0 -> body.put("lat", "北纬三十度"); // wrong type
                case 1 -> body.put("anonymous", List.of(1, 2)); // wrong type
                case 2 -> body.put("photos", "not a list");
                default -> { }
            }
            String json = Json.write(body);
            if (random.nextInt(10) == 0) {
                json = json.substring(0, random.nextInt(json.length())); // broken JSON
            }
            MockHttpServletResponse r = mvc.perform(post("/api/v1/cases").header("X-API-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
            int status = r.getStatus();
            long rows = jdbc.queryForObject("select count(*) from case_file where channel_ref = ?", Long.class, ref);
            assertThat(status).as("%s -> %s", json, r.getContentAsString(StandardCharsets.UTF_8)).isLessThan(500);
            if (status == 200 || status == 201) {
                stored++;
                assertThat(rows).isEqualTo(1);
                String saved = jdbc.queryForObject("select description from case_file where channel_ref = ?",
                        String.class, ref);
                assertThat(codePoints(saved)).as("description stored exactly")
                        .isEqualTo(codePoints((String) body.get("description")));
            } else {
                refused++;
                assertThat(status).as(json).isBetween(400, 499);
                assertThat(rows).as("nothing stored for %s", json).isZero();
                JsonNode error = Json.MAPPER.readTree(r.getContentAsString(StandardCharsets.UTF_8)).path("errors").path(0);
                assertThat(error.path("message").asText()).as(json).isNotBlank();
                assertThat(error.path("message_en").asText()).as(json).isNotBlank();
            }
        }
        assertThat(stored).isPositive();
        assertThat(refused).isGreaterThan(TRIES / 3);
    }

    /** Code points in hex: a failure message that shows what a terminal would not. */
    private static String codePoints(String s) {
        return s == null ? "null" : s.codePoints().mapToObj(Integer::toHexString).reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    private static String pick(Random random, String valid, Arbitrary<String> hostile) {
        // what a client can send: a lone surrogate has no UTF-8 form and leaves the client as '?'
        return random.nextInt(10) < 7 ? valid
                : new String(hostile.sample().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
