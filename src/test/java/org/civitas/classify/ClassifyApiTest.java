package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Contract of POST /api/v1/classify (docs/api.md): its answer, and its errors in the intake API's format. */
@IntegrationTest
class ClassifyApiTest {

    /** The demo channel system's well-known key (docs/api.md). */
    static final String KEY = "cvk_demo_app_key_0123456789abcdef0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    MockHttpServletResponse classify(String key, String body) throws Exception {
        var request = post("/api/v1/classify").contentType(MediaType.APPLICATION_JSON)
                .characterEncoding(StandardCharsets.UTF_8).content(body == null ? "" : body);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    static JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void a_text_and_address_get_the_best_items_the_place_and_the_model_version() throws Exception {
        MockHttpServletResponse r = classify(KEY, """
                {"text":"楼下烧烤摊天天晚上烟熏火燎的","address":"武昌区中华路街道 12 号"}""");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode body = json(r);
        assertThat(body.get("items")).hasSize(3);
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("item").asText()).isEqualTo("HJ-01");
        assertThat(first.get("name").asText()).isEqualTo("餐饮油烟扰民");
        assertThat(first.get("urgency").asText()).isEqualTo("NORMAL");
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("words").isArray()).isTrue();
        assertThat(body.get("district").asText()).isEqualTo("D05");
        assertThat(body.get("district_name").asText()).isEqualTo("武昌区");
        assertThat(body.get("street").asText()).isEqualTo("S0501");
        assertThat(body.get("place_confidence").asDouble()).isGreaterThan(0.9);
        assertThat(body.get("emergency").asBoolean()).isFalse();
        assertThat(body.get("emergency_words")).isEmpty();
        assertThat(body.get("model_version").asLong()).isPositive();
    }

    @Test
    void an_emergency_looking_text_is_flagged_and_the_address_is_optional() throws Exception {
        JsonNode body = json(classify(KEY, "{\"text\":\"小区门口燃气管道漏气，味道很大\"}"));

        assertThat(body.get("emergency").asBoolean()).isTrue();
        assertThat(body.get("emergency_words").toString()).contains("燃气", "漏气");
        assertThat(body.get("items").get(0).get("item").asText()).isEqualTo("SS-06");
        assertThat(body.get("district").isNull()).isTrue();
    }

    @Test
    void a_missing_text_is_400_on_the_field_with_both_languages() throws Exception {
        MockHttpServletResponse r = classify(KEY, "{\"address\":\"中华路 1 号\"}");

        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode error = json(r).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("text");
        assertThat(error.get("code").asText()).isEqualTo("classify.error.text");
        assertThat(error.get("message").asText()).startsWith("请填写要分类的文字");
        assertThat(error.get("message_en").asText()).startsWith("Enter the text to classify");
    }

    @Test
    void an_overlong_address_and_a_body_that_is_not_json_are_400() throws Exception {
        MockHttpServletResponse longAddress = classify(KEY,
                "{\"text\":\"垃圾\",\"address\":\"" + "路".repeat(201) + "\"}");
        assertThat(longAddress.getStatus()).isEqualTo(400);
        assertThat(json(longAddress).get("errors").get(0).get("field").asText()).isEqualTo("address");

        MockHttpServletResponse notJson = classify(KEY, "text=垃圾");
        assertThat(notJson.getStatus()).isEqualTo(400);
        assertThat(json(notJson).get("errors").get(0).get("code").asText()).isEqualTo("api.error.body");
        assertThat(classify(KEY, null).getStatus()).isEqualTo(400);
    }

    @Test
    void without_a_valid_key_it_is_401_in_the_api_format() throws Exception {
        MockHttpServletResponse none = classify(null, "{\"text\":\"垃圾\"}");
        assertThat(none.getStatus()).isEqualTo(401);
        assertThat(json(none).get("errors").get(0).get("code").asText()).isEqualTo("api.error.apiKey");

        assertThat(classify("cvk_wrong", "{\"text\":\"垃圾\"}").getStatus()).isEqualTo(401);
    }
}
