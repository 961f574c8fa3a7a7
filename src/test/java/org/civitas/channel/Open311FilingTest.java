package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2, filing: a POST from a keyed client becomes a dispatched case, every refusal has its
 * status and message and stores nothing, and an Idempotency-Key makes a retry safe.
 */
class Open311FilingTest extends Open311ApiFixture {

    /** The spec's field names, in the order of its examples. */
    static final List<String> CREATED_FIELDS = List.of("service_request_id", "service_notice", "account_id");

    @Test
    void an_open311_client_files_a_request_that_is_dispatched_like_any_other() throws Exception {
        MockHttpServletResponse r = call(file("json", "SR-01", "D05", "路边有暴露垃圾"));
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode created = json(r);
        assertThat(created.isArray()).isTrue();
        assertThat(names(created.get(0))).isEqualTo(CREATED_FIELDS);
        String number = created.get(0).get("service_request_id").asText();
        assertThat(created.get(0).get("account_id").isNull()).isTrue();
        assertThat(created.get(0).get("service_notice").asText()).startsWith("已派至").contains("承办时限至");

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT channel, channel_ref, status, district_code, street_code, item_code, address, description,
                       complainant_name, complainant_phone, anonymous, latitude, longitude, created_by, lead_unit_code
                FROM case_file WHERE number = :n""", Map.of("n", number));
        assertThat(row.get("channel")).isEqualTo("APP");
        assertThat(row.get("status")).isEqualTo("DISPATCHED");
        assertThat(row.get("district_code")).isEqualTo("D05");
        assertThat(row.get("street_code")).isEqualTo("S0501");
        assertThat(row.get("lead_unit_code")).isEqualTo("D05");
        assertThat(row.get("item_code")).isEqualTo("SR-01");
        assertThat(row.get("address")).isEqualTo("民主路 88 号");
        assertThat(row.get("description")).isEqualTo("路边有暴露垃圾");
        assertThat(row.get("complainant_name")).isEqualTo("李四");
        assertThat(row.get("complainant_phone")).isEqualTo("13812345678");
        assertThat(row.get("anonymous")).isEqualTo(false);
        assertThat(row.get("latitude").toString()).isEqualTo("30.543210");
        assertThat(row.get("created_by")).isEqualTo("channel:" + CODE);

        Element x = xml(call(file("xml", "SR-01", "D05", "第二件")));
        assertThat(x.getTagName()).isEqualTo("service_requests");
        Element request = child(x, "request");
        assertThat(names(request)).isEqualTo(CREATED_FIELDS);
        assertThat(child(request, "service_request_id").getTextContent()).isNotBlank().isNotEqualTo(number);
    }

    @Test
    void filing_without_a_valid_key_is_403_and_stores_nothing() throws Exception {
        int before = count();
        MockHttpServletResponse none = call(post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("service_code", "SR-01")
                .param("address_string", "x").param("attribute[district]", "D05"));
        assertThat(none.getStatus()).isEqualTo(403);
        assertThat(json(none).get(0).get("code").asInt()).isEqualTo(403);
        assertThat(json(none).get(0).get("description").asText()).isEqualTo("api_key 缺失或无效。");
        MockHttpServletResponse wrong = call(file("xml", "SR-01", "D05", "x", "api_key", key + "x"));
        assertThat(wrong.getStatus()).isEqualTo(403);
        assertThat(child(child(xml(wrong), "error"), "code").getTextContent()).isEqualTo("403");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void every_bad_request_is_refused_with_a_clear_message_and_stores_nothing() throws Exception {
        int before = count();
        ItemView department = item(Responsibility.DEPARTMENT);
        record Bad(MockHttpServletRequestBuilder request, int status, String description) {
        }
        List<Bad> bad = List.of(
                new Bad(file("json", "SR-01", "D05", "x", "service_code", ""), 400, "请提供 service_code。"),
                new Bad(file("json", "NOPE", "D05", "x"), 404, "未找到 service_code NOPE：请从服务列表（services）中选择。"),
                new Bad(file("json", "SR-01", "D05", "x", "lat", null, "long", null, "address_string", null), 400,
                        "请提供位置：lat 和 long，或 address_string，或 address_id。"),
                new Bad(file("json", "SR-01", "D05", "x", "long", null, "address_string", null), 400,
                        "lat 和 long 必须同时提供，且都是数字。"),
                new Bad(file("json", "SR-01", "D05", "x", "lat", "north"), 400,
                        "lat 和 long 必须同时提供，且都是数字。"),
                new Bad(file("json", "SR-01", null, "x"), 400,
                        "该事项按属地派遣，请提供事件发生的区：attribute[district]。"),
                new Bad(file("json", "SR-01", "D99", "x"), 400, null),
                new Bad(file("json", "SR-01", "D05", "x", "phone", "12345"), 400,
                        "请填写正确的手机号码或带区号的固定电话。"),
                new Bad(file("json", "SR-01", "D05", "x", "media_url", "javascript:alert(1)"), 400,
                        "media_url 必须是 http 或 https 网址，且不超过 1000 个字符。"),
                new Bad(file("json", "SR-01", "D05", "x", "media_url", "https://img.example.org/" + "a".repeat(977)),
                        400, "media_url 必须是 http 或 https 网址，且不超过 1000 个字符。"),
                new Bad(file("json", "SR-01", "D05", "x".repeat(4001)), 400, "请填写诉求内容（最多 4000 字）。"),
                new Bad(file("json", "SR-01", "D05", "x", "jurisdiction_id", "elsewhere.gov"), 404, null),
                new Bad(file("yaml", "SR-01", "D05", "x"), 400, "格式只能是 json 或 xml（例如 services.json）。"),
                new Bad(file("json", department.code(), null, "x", "lat", "200"), 400,
                        null));
        for (Bad b : bad) {
            MockHttpServletResponse r = call(b.request());
            assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(b.status());
            JsonNode e = json(r).get(0);
            assertThat(e.get("code").asInt()).isEqualTo(b.status());
            assertThat(e.get("description").asText()).isNotBlank();
            if (b.description() != null) {
                assertThat(e.get("description").asText()).isEqualTo(b.description());
            }
        }
        MockHttpServletResponse json = call(post("/open311/v2/requests.xml").param("api_key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"service_code\":\"SR-01\"}"));
        assertThat(json.getStatus()).isEqualTo(415);
        assertThat(child(child(xml(json), "error"), "description").getTextContent())
                .isEqualTo("请以表单（application/x-www-form-urlencoded）提交诉求。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_request_under_other_needs_no_item_nor_district_but_a_description_and_waits_for_classification()
            throws Exception {
        MockHttpServletResponse r = call(file("json", "OTHER", null, "说不清是哪一类，门口一直有人闹"));
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        String number = json(r).get(0).get("service_request_id").asText();
        assertThat(json(r).get(0).get("service_notice").asText()).isEqualTo("已受理，正在分拣派遣。");
        Map<String, Object> row = jdbc.queryForMap("SELECT status, item_code FROM case_file WHERE number = :n",
                Map.of("n", number));
        assertThat(row.get("status")).isEqualTo("REGISTERED");
        assertThat(row.get("item_code")).isNull();

        int before = count();
        MockHttpServletResponse none = call(file("json", "OTHER", null, "x", "description", null));
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(json(none).get(0).get("description").asText())
                .isEqualTo("service_code 为 OTHER（不知道选哪一项）时请填写 description。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_department_item_needs_no_district_and_a_media_url_is_kept_in_its_own_field() throws Exception {
        ItemView department = item(Responsibility.DEPARTMENT);
        MockHttpServletResponse r = call(file("json", department.code(), null, "井盖缺失",
                "media_url", "https://img.example.org/a.jpg"));
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        String number = json(r).get(0).get("service_request_id").asText();
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT lead_unit_code, description, media_url FROM case_file WHERE number = :n""", Map.of("n", number));
        assertThat(row.get("lead_unit_code")).isEqualTo(department.leadUnitCode());
        assertThat(row.get("description")).isEqualTo("井盖缺失");
        assertThat(row.get("media_url")).isEqualTo("https://img.example.org/a.jpg");

        // echoed on read to the filer, in JSON and XML; others see no link, as they see no description
        JsonNode mine = json(call(get("/open311/v2/requests/" + number + ".json").param("api_key", key))).get(0);
        assertThat(mine.get("media_url").asText()).isEqualTo("https://img.example.org/a.jpg");
        assertThat(mine.get("description").asText()).isEqualTo("井盖缺失");
        assertThat(child(child(xml(call(get("/open311/v2/requests/" + number + ".xml").param("api_key", key))),
                "request"), "media_url").getTextContent()).isEqualTo("https://img.example.org/a.jpg");
        assertThat(json(call(get("/open311/v2/requests/" + number + ".json"))).get(0).get("media_url").isNull())
                .isTrue();
    }

    @Test
    void a_description_of_4000_characters_is_filed() throws Exception {
        String description = "长".repeat(3990) + UUID.randomUUID().toString().substring(0, 10);
        String number = fileJson(description);
        assertThat(jdbc.queryForObject("SELECT description FROM case_file WHERE number = :n", Map.of("n", number),
                String.class)).hasSize(4000).isEqualTo(description);
    }

    @Test
    void an_idempotency_key_makes_a_retry_safe() throws Exception {
        String idem = UUID.randomUUID().toString();
        String description = "重试 " + idem;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse r = call(file("json", "SR-01", "D05", description).header("Idempotency-Key", idem));
            assertThat(r.getStatus()).isEqualTo(200);
            numbers.add(json(r).get(0).get("service_request_id").asText());
        }
        assertThat(numbers).containsOnly(numbers.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE description = :d",
                Map.of("d", description), Integer.class)).isEqualTo(1);
        MockHttpServletResponse other = call(file("json", "SR-01", "D05", "另一件").header("Idempotency-Key", idem));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(json(other).get(0).get("code").asInt()).isEqualTo(422);
        assertThat(json(other).get(0).get("description").asText()).isEqualTo("该 Idempotency-Key 已用于另一个请求。");
    }

    int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Map.of(), Integer.class);
    }
}
