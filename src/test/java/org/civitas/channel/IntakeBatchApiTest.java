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
    @Autowired
    org.civitas.security.UserService users;

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

    /** A report of SR-12 (JOINT: the district leads, G11 co-handles), or without an item (the queue). */
    static String reportOf(String ref, String item, String description) {
        Map<String, Object> r = new java.util.HashMap<>(Map.of("ref", ref, "name", "李四", "phone", "13812345678",
                "district", "D05", "street", "S0501", "address", "东湖路 8 号", "description", description));
        if (item != null) {
            r.put("item", item);
        }
        return ClientJson.write(r);
    }

    MockHttpServletResponse single(String body) throws Exception {
        return mvc.perform(post("/api/v1/cases").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    long caseId(String ref) {
        return jdbc.queryForObject("SELECT id FROM case_file WHERE channel = 'WECHAT' AND channel_ref = :r",
                Map.of("r", ref), Long.class);
    }

    Map<String, Object> written(String ref) {
        return org.civitas.test.CaseRows.written(jdbc, caseId(ref));
    }

    /** A case's answer without what differs from case to case: its number, its ref and its random tracking code. */
    static JsonNode withoutIds(JsonNode c) {
        assertThat(c.get("tracking_code").asText()).matches("[2-9A-HJKMNP-Z]{6}");
        var copy = c.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("number", "ref", "tracking_code"));
        return copy;
    }

    @Test
    void a_batch_writes_and_answers_each_case_as_a_request_of_its_own_does() throws Exception {
        String joint1 = ref(), joint2 = ref(), queued1 = ref(), queued2 = ref();
        // a clerk of the co-handling department, with an address: its notices and their mails are compared too
        org.civitas.test.RunAs.user("admin", () -> users.create(new org.civitas.security.UserForm(
                "g11.batch" + System.nanoTime(), "水务专员", java.util.Set.of("UNIT_CLERK"), "G11", "g11@example.org",
                true, "Batch-Test-2026!")), "ADMIN");
        JsonNode one = json(single(reportOf(joint1, "SR-12", "湖面漂着油污和垃圾")));
        JsonNode queued = json(single(reportOf(queued1, null, "不知道归哪里管")));
        jdbc.update("DELETE FROM case_daily_dirty", Map.of());

        JsonNode many = json(batch(cases(List.of(reportOf(joint2, "SR-12", "湖面漂着油污和垃圾"),
                reportOf(queued2, null, "不知道归哪里管"))), key)).get("results");

        assertThat(many.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(many.get(1).get("status").asInt()).isEqualTo(201);
        // the rows: the case with its deadlines and dispatch, the history, the co-unit, every clerk's notice
        Map<String, Object> byBatch = written(joint2);
        assertThat(byBatch).isEqualTo(written(joint1));
        assertThat(((Map<?, ?>) byBatch.get("case")).get("status")).isEqualTo("DISPATCHED");
        assertThat((List<?>) byBatch.get("co_units")).hasSize(1).first().asString().contains("G11", "DISPATCHED");
        assertThat((List<?>) byBatch.get("notices")).anyMatch(n -> n.toString().contains("notify.dispatched,"))
                .anyMatch(n -> n.toString().contains("notify.dispatched.co") && n.toString().contains("g11@example.org"));
        assertThat((List<?>) byBatch.get("history")).hasSize(2);
        Map<String, Object> queuedByBatch = written(queued2);
        assertThat(queuedByBatch).isEqualTo(written(queued1));
        assertThat(((Map<?, ?>) queuedByBatch.get("case")).get("status")).isEqualTo("REGISTERED");
        // the answers: the same case, the same public timeline, as a request of its own and as read back
        assertThat(withoutIds(many.get(0).get("case"))).isEqualTo(withoutIds(one));
        assertThat(withoutIds(many.get(1).get("case"))).isEqualTo(withoutIds(queued));
        assertThat(many.get(0).get("case").get("ref").asText()).isEqualTo(joint2);
        MockHttpServletResponse read = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/cases/" + joint2).header("X-API-Key", key)).andReturn().getResponse();
        assertThat(json(read)).isEqualTo(many.get(0).get("case"));
        // the analysis learns of the day it changed
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_daily_dirty", Map.of(), Integer.class)).isOne();
    }

    @Test
    void a_batch_whose_transaction_fails_files_its_reports_one_by_one() throws Exception {
        String earlier = ref(), a = ref(), b = ref();
        String number = json(single(reportOf(earlier, "SR-01", "路边有暴露垃圾"))).get("number").asText();
        // the counter set back by one: the batch draws the number just given, its insert fails on it and rolls back
        jdbc.update("UPDATE case_number_seq SET last = last - 1 WHERE day = :day",
                Map.of("day", java.time.LocalDate.parse(number.substring(2, 10),
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));

        JsonNode results = json(batch(cases(List.of(report(a, "路边有暴露垃圾"), report(b, "人行道上有积存垃圾"))), key))
                .get("results");

        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(filed(a)).isOne();
        assertThat(filed(b)).isOne();
        assertThat(results.get(0).get("case").get("number").asText()).isNotEqualTo(number);
        // nothing of the failed transaction stayed: each case has its own history, written once
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_history WHERE case_id IN (:ids)",
                Map.of("ids", List.of(caseId(a), caseId(b))), Integer.class)).isEqualTo(4);
    }

    @Test
    void batches_racing_with_the_same_refs_file_each_report_once() throws Exception {
        List<String> refs = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            refs.add(ref());
            reports.add(report(refs.get(i), "路边有暴露垃圾"));
        }
        String body = cases(reports);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<JsonNode>> answers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            answers.add(pool.submit(() -> {
                start.await();
                MockHttpServletResponse r = batch(body, key);
                assertThat(r.getStatus()).isEqualTo(200);
                return json(r).get("results");
            }));
        }
        start.countDown();
        Map<String, java.util.Set<String>> numbersByRef = new java.util.HashMap<>();
        int created = 0;
        for (var answer : answers) {
            JsonNode results = answer.get();
            for (int i = 0; i < refs.size(); i++) {
                JsonNode r = results.get(i);
                int status = r.get("status").asInt();
                // 409: "conflicted with another request, send it again" (docs/api.md); never a 500, never a loss
                assertThat(status).isIn(200, 201, 409);
                if (status != 409) {
                    numbersByRef.computeIfAbsent(refs.get(i), k -> new java.util.HashSet<>())
                            .add(r.get("case").get("number").asText());
                }
                created += status == 201 ? 1 : 0;
            }
        }
        pool.shutdown();
        for (String ref : refs) {
            assertThat(filed(ref)).as(ref).isOne();
            // every answer for a ref names the one case it made
            assertThat(numbersByRef.getOrDefault(ref, java.util.Set.of())).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(created).isLessThanOrEqualTo(refs.size());
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
