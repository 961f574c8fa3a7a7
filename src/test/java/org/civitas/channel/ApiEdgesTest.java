package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The API's edges: a path no endpoint serves is a 404 in the API's own format (never the application's page), a
 * channel's ref must read back as one path segment, and a description may be as long as Open311 allows.
 */
class ApiEdgesTest extends Open311ApiFixture {

    static JsonNode body(MockHttpServletResponse r) throws Exception {
        return ClientJson.MAPPER.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void an_unmapped_api_path_is_a_json_404() throws Exception {
        for (var request : List.of(get("/api/v1/nope").header("X-API-Key", key),
                post("/api/v1/nope").header("X-API-Key", key), get("/api/nope"), get("/api/v2/cases"))) {
            MockHttpServletResponse r = call(request);
            assertThat(r.getStatus()).isEqualTo(404);
            assertThat(r.getContentType()).startsWith("application/json");
            JsonNode error = body(r).get("errors").get(0);
            assertThat(error.get("code").asText()).isEqualTo("api.error.notFound");
            assertThat(error.get("message").asText()).isEqualTo("没有这个接口地址。");
        }
    }

    @Test
    void an_unmapped_open311_path_is_a_404_in_open311s_format() throws Exception {
        MockHttpServletResponse r = call(get("/open311/v2/nope.json"));
        assertThat(r.getStatus()).isEqualTo(404);
        JsonNode error = json(r).get(0);
        assertThat(error.get("code").asInt()).isEqualTo(404);
        assertThat(error.get("description").asText()).isEqualTo("没有这个接口地址。");
        MockHttpServletResponse xml = call(get("/open311/v2/nope.xml").header("Accept-Language", "en"));
        assertThat(xml.getStatus()).isEqualTo(404);
        assertThat(child(child(xml(xml), "error"), "description").getTextContent())
                .isEqualTo("There is no such API path.");
        assertThat(call(get("/open311/nope")).getStatus()).isEqualTo(404);
    }

    @Test
    void a_ref_that_could_not_be_read_back_is_refused_alone_and_in_a_batch() throws Exception {
        for (String ref : List.of("A/B", "a b", "x?y", "%2F", "编号1", "R".repeat(65))) {
            MockHttpServletResponse r = call(post("/api/v1/cases").header("X-API-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(IntakeApiTest.report(ref, "编号不合规")));
            assertThat(r.getStatus()).as(ref).isEqualTo(400);
            JsonNode error = body(r).get("errors").get(0);
            assertThat(error.get("code").asText()).isEqualTo("api.error.ref");
            assertThat(error.get("field").asText()).isEqualTo("ref");
        }
        String good = "APP-2026.07:" + UUID.randomUUID().toString().substring(0, 8) + "_x";
        String batch = ClientJson.write(Map.of("cases", List.of(
                ClientJson.MAPPER.readValue(IntakeApiTest.report(good, "好编号"), Map.class),
                ClientJson.MAPPER.readValue(IntakeApiTest.report("A/" + good, "坏编号"), Map.class))));
        JsonNode results = body(call(post("/api/v1/cases/batch").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(batch))).get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("errors").get(0).get("code").asText()).isEqualTo("api.error.ref");
        // the good ref reads back
        assertThat(call(get("/api/v1/cases/" + good).header("X-API-Key", key)).getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE description = '坏编号'", Map.of(),
                Integer.class)).isZero();
    }

    @Test
    void a_description_of_4000_characters_is_accepted_and_4001_refused() throws Exception {
        String ref = "LONG-" + UUID.randomUUID().toString().substring(0, 20);
        MockHttpServletResponse ok = call(post("/api/v1/cases").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(IntakeApiTest.report(ref, "长".repeat(4000))));
        assertThat(ok.getStatus()).as(ok.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(body(ok).get("description").asText()).hasSize(4000);

        MockHttpServletResponse tooLong = call(post("/api/v1/cases").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(IntakeApiTest.report(ref + "b", "长".repeat(4001))));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        JsonNode error = body(tooLong).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("description");
        assertThat(error.get("message").asText()).isEqualTo("请填写诉求内容（最多 4000 字）。");
    }
}
