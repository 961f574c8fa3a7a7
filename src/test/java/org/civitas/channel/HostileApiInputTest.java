package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civitas.cases.Channel;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.civitas.test.Seeded;
import org.civitas.test.Seeded.Gen;
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
 * Random and hostile bodies for {@code POST /api/v1/cases} (seeded generators inside one Spring test; a failure names
 * its seed and body, and {@code -Dcivitas.seed=<seed>} replays the run): broken JSON, wrong types, unknown items and
 * units, huge and nasty strings. Each answer is a 2xx with the report stored exactly,
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
        Seeded seeded = Seeded.fromProperty();
        Random random = seeded.random();
        Gen<String> text = Gen.oneOf(Gen.of(NASTY), Gen.anyChars(30), Gen.chars("中文街道路号<>'\"&;%", 1, 20),
                Gen.alpha(3990, 4100));
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            String ref = "H-" + Long.toString(System.nanoTime(), 36) + "-" + i;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ref", ref);
            body.put("phone", pick(seeded, "13812345678", text));
            body.put("district", pick(seeded, "D05", text));
            body.put("street", pick(seeded, "S0501", text));
            body.put("address", pick(seeded, "中华路 9 号", text));
            body.put("description", pick(seeded, "占道经营", text));
            body.put("item", pick(seeded, "SR-04", text));
            switch (random.nextInt(8)) {
                case 0 -> body.put("lat", "北纬三十度"); // wrong type
                case 1 -> body.put("anonymous", List.of(1, 2)); // wrong type
                case 2 -> body.put("photos", "not a list");
                default -> { }
            }
            String whole = ClientJson.write(body);
            String json = random.nextInt(10) == 0
                    ? whole.substring(0, random.nextInt(whole.length())) // broken JSON
                    : whole;
            MockHttpServletResponse r = mvc.perform(post("/api/v1/cases").header("X-API-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
            int status = r.getStatus();
            String answer = r.getContentAsString(StandardCharsets.UTF_8);
            seeded.check("body " + i, () -> json + "\nanswer: " + status + " " + answer, () -> {
                long rows = jdbc.queryForObject("select count(*) from case_file where channel_ref = ?", Long.class,
                        ref);
                assertThat(status).as("never a 5xx").isLessThan(500);
                if (status == 200 || status == 201) {
                    assertThat(rows).isEqualTo(1);
                    String saved = jdbc.queryForObject("select description from case_file where channel_ref = ?",
                            String.class, ref);
                    assertThat(Seeded.codePoints(saved)).as("description stored exactly")
                            .isEqualTo(Seeded.codePoints((String) body.get("description")));
                } else {
                    assertThat(status).isBetween(400, 499);
                    assertThat(rows).as("nothing stored").isZero();
                    JsonNode error = ClientJson.MAPPER.readTree(answer).path("errors").path(0);
                    assertThat(error.path("message").asText()).isNotBlank();
                    assertThat(error.path("message_en").asText()).isNotBlank();
                }
            });
            if (status == 200 || status == 201) {
                stored++;
            } else {
                refused++;
            }
        }
        int storedBodies = stored;
        int refusals = refused;
        seeded.check("the totals", () -> "%d stored, %d refused".formatted(storedBodies, refusals), () -> {
            assertThat(storedBodies).isPositive();
            assertThat(refusals).isGreaterThan(TRIES / 3);
        });
    }

    private static String pick(Seeded seeded, String valid, Gen<String> hostile) {
        // what a client can send: a lone surrogate has no UTF-8 form and leaves the client as '?'
        String value = seeded.mostlyValid(valid, hostile);
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
