package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.channel.IntakeApiTest.json;
import static org.civitas.channel.IntakeApiTest.ref;
import static org.civitas.channel.IntakeApiTest.report;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** {@code POST /api/v1/cases/batch}: each report filed or refused on its own, the batch bounded. */
@IntegrationTest
class IntakeBatchApiTest {

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
        mvc = IntakeApiTest.mvc(context);
        key = IntakeApiTest.key(channels);
    }

    MockHttpServletResponse batch(String body, String apiKey) throws Exception {
        var r = post("/api/v1/cases/batch").contentType(MediaType.APPLICATION_JSON).content(body);
        if (apiKey != null) {
            r.header("X-API-Key", apiKey);
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    static String cases(List<String> reports) {
        return "{\"cases\":[" + String.join(",", reports) + "]}";
    }

    int filed(String ref) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE channel = 'WECHAT' AND channel_ref = :r",
                Map.of("r", ref), Integer.class);
    }

    @Test
    void each_report_is_filed_or_refused_on_its_own_and_a_repeat_files_nothing_new() throws Exception {
        String a = ref(), b = ref(), c = ref();
        String body = cases(List.of(report(a, "路边有暴露垃圾"), report(b, "x").replace("13812345678", "12345"),
                report(c, "人行道上有积存垃圾")));
        MockHttpServletResponse first = batch(body, key);
        assertThat(first.getStatus()).isEqualTo(200);
        JsonNode results = json(first).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("ref").asText()).isEqualTo(a);
        assertThat(results.get(0).get("case").get("timeline").get(0).get("action").asText()).isEqualTo("REGISTER");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("index").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("errors").get(0).get("field").asText()).isEqualTo("phone");
        assertThat(results.get(1).get("errors").get(0).get("message").asText())
                .isEqualTo("请填写正确的手机号码或带区号的固定电话。");
        assertThat(results.get(1).has("case")).isFalse();
        assertThat(results.get(2).get("status").asInt()).isEqualTo(201);
        assertThat(filed(a)).isEqualTo(1);
        assertThat(filed(b)).isZero();
        assertThat(filed(c)).isEqualTo(1);
        // the refused report left no trace: no history row names its ref's case, nothing half written
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_history h JOIN case_file f ON f.id = h.case_id "
                + "WHERE f.channel_ref IN (:refs) AND h.action = 'REGISTER'", Map.of("refs", List.of(a, b, c)),
                Integer.class)).isEqualTo(2);

        JsonNode again = json(batch(body, key)).get("results");
        assertThat(again.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(again.get(0).get("case").get("number").asText())
                .isEqualTo(results.get(0).get("case").get("number").asText());
        assertThat(again.get(2).get("case").get("number").asText())
                .isEqualTo(results.get(2).get("case").get("number").asText());
        assertThat(filed(a)).isEqualTo(1);
        assertThat(filed(c)).isEqualTo(1);
    }

    @Test
    void the_same_ref_twice_in_one_batch_makes_one_case() throws Exception {
        String a = ref();
        JsonNode results = json(batch(cases(List.of(report(a, "路边有暴露垃圾"), report(a, "路边有暴露垃圾"))), key))
                .get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(1).get("case").get("number").asText())
                .isEqualTo(results.get(0).get("case").get("number").asText());
        assertThat(filed(a)).isEqualTo(1);
    }

    @Test
    void an_empty_an_oversized_or_unreadable_batch_is_refused_whole_and_files_nothing() throws Exception {
        MockHttpServletResponse empty = batch("{\"cases\":[]}", key);
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(json(empty).get("errors").get(0).get("code").asText()).isEqualTo("api.error.batchEmpty");

        List<String> reports = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i <= IntakeApi.BATCH_MAX; i++) {
            refs.add(ref());
            reports.add(report(refs.get(i), "路边有暴露垃圾"));
        }
        MockHttpServletResponse tooMany = batch(cases(reports), key);
        assertThat(tooMany.getStatus()).isEqualTo(400);
        JsonNode e = json(tooMany).get("errors").get(0);
        assertThat(e.get("message").asText()).isEqualTo("一次最多提交 100 件工单。");
        assertThat(e.get("message_en").asText()).isEqualTo("At most 100 reports per request.");
        assertThat(filed(refs.get(0))).isZero();

        assertThat(batch("{not json", key).getStatus()).isEqualTo(400);
        assertThat(batch(cases(List.of(report(ref(), "路边有暴露垃圾"))), null).getStatus()).isEqualTo(401);
        assertThat(batch(cases(List.of(report(ref(), "路边有暴露垃圾"))), key + "x").getStatus()).isEqualTo(401);
    }
}
