package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The machine channels' allowances: a channel system's reads and writes, an address's anonymous Open311 reads and
 * its wrong keys are answered 429 with Retry-After once spent, in the API's own error format; Open311 lists are
 * capped.
 */
class ApiLimitsTest extends Open311ApiFixture {

    @Autowired ApiLimits limits;
    @Autowired MutableClock clock;

    ApiLimits.Allowances configured;

    @BeforeEach
    void keepTheConfiguredAllowances() {
        configured = limits.allowances();
    }

    @AfterEach
    void putThemBack() {
        limits.allowances(configured);
        clock.reset();
    }

    static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void a_channel_system_over_its_read_allowance_gets_429_with_retry_after() throws Exception {
        limits.allowances(new ApiLimits.Allowances(5, 2, 1000, 1000, Duration.ofMinutes(10), 1));
        for (int i = 0; i < 5; i++) {
            assertThat(call(get("/api/v1/cases/by-number/WM0").header("X-API-Key", key)).getStatus()).isEqualTo(404);
        }
        MockHttpServletResponse refused = call(get("/api/v1/cases/by-number/WM0").header("X-API-Key", key));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("12"); // 5 a minute: one every 12 s
        JsonNode error = ClientJson.MAPPER.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("api.error.rateLimited");
        assertThat(error.get("message").asText()).isEqualTo("请求过于频繁，请 12 秒后重试。");
        // Open311 reads with the same key count against it too, answered in Open311's format
        MockHttpServletResponse open311 = call(get("/open311/v2/services.xml").param("api_key", key));
        assertThat(open311.getStatus()).isEqualTo(429);
        assertThat(child(child(xml(open311), "error"), "code").getTextContent()).isEqualTo("429");
        // another system has its own allowance
        assertThat(call(get("/api/v1/cases/by-number/WM0").header("X-API-Key", otherKey)).getStatus())
                .isEqualTo(404);
        // the next token comes 12 seconds later
        clock.advance(Duration.ofSeconds(13));
        assertThat(call(get("/api/v1/cases/by-number/WM0").header("X-API-Key", key)).getStatus()).isEqualTo(404);
    }

    @Test
    void writes_have_their_own_smaller_allowance_and_a_batch_counts_once() throws Exception {
        limits.allowances(new ApiLimits.Allowances(1000, 2, 1000, 1000, Duration.ofMinutes(10), 1));
        List<Map<String, Object>> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(Map.of("ref", "LIM-" + UUID.randomUUID().toString().substring(0, 20), "phone", "13812345678",
                    "district", "D05", "street", "S0501", "address", "中华路 1 号", "description", "限流测试",
                    "item", "SR-01"));
        }
        MockHttpServletResponse batch = call(post("/api/v1/cases/batch").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(ClientJson.write(Map.of("cases", hundred))));
        assertThat(batch.getStatus()).isEqualTo(200);
        assertThat(call(file("json", "SR-01", "D05", "第二次写入")).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(file("json", "SR-01", "D05", "第三次写入"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(json(refused).get(0).get("code").asInt()).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE description = '第三次写入'", Map.of(),
                Integer.class)).isZero();
        // reads go on
        assertThat(call(get("/api/v1/cases/by-number/WM0").header("X-API-Key", key)).getStatus()).isEqualTo(404);
    }

    @Test
    void an_anonymous_open311_reader_gets_429_per_address_in_open311s_format() throws Exception {
        limits.allowances(new ApiLimits.Allowances(1000, 1000, 3, 1000, Duration.ofMinutes(10), 1));
        String reader = "203.0.113.20";
        for (int i = 0; i < 3; i++) {
            assertThat(call(from(reader, get("/open311/v2/services.json"))).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse json = call(from(reader, get("/open311/v2/requests.json")));
        assertThat(json.getStatus()).isEqualTo(429);
        assertThat(json.getHeader("Retry-After")).isEqualTo("20");
        JsonNode error = json(json).get(0);
        assertThat(error.get("code").asInt()).isEqualTo(429);
        assertThat(error.get("description").asText()).isEqualTo("请求过于频繁，请 20 秒后重试。");
        MockHttpServletResponse xml = call(from(reader, get("/open311/v2/services.xml")));
        assertThat(xml.getStatus()).isEqualTo(429);
        assertThat(child(child(xml(xml), "error"), "code").getTextContent()).isEqualTo("429");
        // another address, and the same address with a key, are not held back
        assertThat(call(from("203.0.113.21", get("/open311/v2/services.json"))).getStatus()).isEqualTo(200);
        assertThat(call(from(reader, get("/open311/v2/services.json").param("api_key", key))).getStatus())
                .isEqualTo(200);
    }

    @Test
    void wrong_keys_are_throttled_per_client_address() throws Exception {
        limits.allowances(new ApiLimits.Allowances(1000, 1000, 1000, 3, Duration.ofMinutes(3), 1));
        String guesser = "198.51.100.66";
        for (int i = 0; i < 3; i++) {
            assertThat(call(from(guesser, get("/api/v1/cases/by-number/WM0").header("X-API-Key", "cvk_wrong" + i)))
                    .getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = call(from(guesser, get("/api/v1/cases/by-number/WM0")
                .header("X-API-Key", "cvk_wrong")));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60"); // 3 per 3 minutes
        // throttled, the address's keys are not even looked at: a right one waits too, on Open311 as well
        assertThat(call(from(guesser, get("/api/v1/cases/by-number/WM0").header("X-API-Key", key))).getStatus())
                .isEqualTo(429);
        MockHttpServletResponse open311 = call(from(guesser, get("/open311/v2/services.json").param("api_key", "x")));
        assertThat(open311.getStatus()).isEqualTo(429);
        assertThat(json(open311).get(0).get("code").asInt()).isEqualTo(429);
        // another address is unaffected
        assertThat(call(from("198.51.100.67", get("/api/v1/cases/by-number/WM0").header("X-API-Key", key)))
                .getStatus()).isEqualTo(404);
        assertThat(call(from("198.51.100.67", get("/api/v1/cases/by-number/WM0").header("X-API-Key", "cvk_no")))
                .getStatus()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(1));
        assertThat(call(from(guesser, get("/api/v1/cases/by-number/WM0").header("X-API-Key", key))).getStatus())
                .isEqualTo(404);
    }

    @Test
    void an_open311_list_holds_at_most_200_requests_and_page_size_asks_fewer() throws Exception {
        for (int b = 0; b < 3; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                batch.add(Map.of("ref", "PAGE-" + UUID.randomUUID().toString().substring(0, 20), "phone",
                        "13812345678", "district", "D05", "street", "S0501", "address", "中华路 1 号",
                        "description", "分页测试", "item", "SR-01"));
            }
            assertThat(call(post("/api/v1/cases/batch").header("X-API-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(ClientJson.write(Map.of("cases", batch))))
                    .getStatus()).isEqualTo(200);
        }
        assertThat(json(call(get("/open311/v2/requests.json"))).size()).isEqualTo(200);
        assertThat(json(call(get("/open311/v2/requests.json").param("page_size", "7"))).size()).isEqualTo(7);
        for (String bad : List.of("201", "0", "many")) {
            MockHttpServletResponse r = call(get("/open311/v2/requests.json").param("page_size", bad));
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(json(r).get(0).get("description").asText()).isEqualTo("page_size 须是 1 至 200 之间的整数。");
        }
    }
}
