package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Open311 GeoReport v2 (issue 5): every resource in JSON and XML, field by field against the spec's examples
 * (http://wiki.open311.org/GeoReport_v2, the Service Discovery page), every error status, and what the public may
 * see of a case that another channel filed.
 */
@IntegrationTest
class Open311ApiTest {

    static final String CODE = "T_O311_APP";
    static final String OTHER = "T_O311_OTHER";

    /** The spec's field names, in the order of its examples. */
    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    static final List<String> ATTRIBUTE_FIELDS = List.of("variable", "code", "datatype", "required",
            "datatype_description", "order", "description", "values");
    static final List<String> CREATED_FIELDS = List.of("service_request_id", "service_notice", "account_id");
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");
    static final List<String> DISCOVERY_FIELDS = List.of("changeset", "contact", "key_service", "endpoints");
    static final List<String> ENDPOINT_FIELDS = List.of("specification", "url", "changeset", "type", "formats");

    @Autowired
    WebApplicationContext context;
    @Autowired
    ChannelService channels;
    @Autowired
    CatalogService catalog;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    MockMvc mvc;
    String key;
    String otherKey;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        if (channels.find(CODE).isEmpty()) {
            channels.upsert(CODE, "测试 Open311 客户端", Channel.APP, null, "s3cret", true, "test");
        }
        if (channels.find(OTHER).isEmpty()) {
            channels.upsert(OTHER, "另一个渠道", Channel.WECHAT, null, "s3cret2", true, "test");
        }
        key = RunAs.user("admin", () -> channels.createKey(CODE, "test"), "ADMIN");
        otherKey = RunAs.user("admin", () -> channels.createKey(OTHER, "test"), "ADMIN");
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse r) throws Exception {
        assertThat(r.getContentType()).isEqualTo("application/json;charset=UTF-8");
        return Json.MAPPER.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    static Element xml(MockHttpServletResponse r) throws Exception {
        assertThat(r.getContentType()).isEqualTo("text/xml;charset=UTF-8");
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static List<String> names(Element e) {
        return children(e).stream().map(Element::getTagName).toList();
    }

    static Element child(Element e, String name) {
        return children(e).stream().filter(c -> c.getTagName().equals(name)).findFirst().orElseThrow();
    }

    /** A POST of a request as the spec's example has it; {@code changes} replace (or, with null, drop) fields. */
    MockHttpServletRequestBuilder file(String format, String item, String district, String description,
                                       String... changes) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", item);
        form.put("lat", "30.5432101");
        form.put("long", "114.3123456");
        form.put("address_string", "民主路 88 号");
        form.put("description", description);
        form.put("first_name", "四");
        form.put("last_name", "李");
        form.put("phone", "13812345678");
        form.put("email", "li@example.org");
        form.put("device_id", "dev-1");
        form.put("account_id", "acc-1");
        if (district != null) {
            form.put("attribute[district]", district);
            form.put("attribute[street]", "S0501");
        }
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                form.remove(changes[i]);
            } else {
                form.put(changes[i], changes[i + 1]);
            }
        }
        MockHttpServletRequestBuilder r = post("/open311/v2/requests." + format)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(r::param);
        return r;
    }

    String fileJson(String description) throws Exception {
        MockHttpServletResponse r = call(file("json", "SR-01", "D05", description));
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json(r).get(0).get("service_request_id").asText();
    }

    ItemView item(Responsibility responsibility) {
        long version = catalog.currentVersion(LocalDate.now()).id();
        return catalog.itemsOfVersion(version).stream().filter(i -> i.responsibility() == responsibility)
                .findFirst().orElseThrow();
    }

    // --- discovery and services -------------------------------------------------------------------------------

    @Test
    void discovery_has_the_spec_fields_in_json_and_xml() throws Exception {
        JsonNode d = json(call(get("/open311/discovery.json")));
        assertThat(names(d)).isEqualTo(DISCOVERY_FIELDS);
        JsonNode endpoint = d.get("endpoints").get(0);
        assertThat(names(endpoint)).isEqualTo(ENDPOINT_FIELDS);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
        assertThat(endpoint.get("type").asText()).isEqualTo("production");
        assertThat(endpoint.get("formats").isArray()).isTrue();
        assertThat(endpoint.get("formats").get(0).asText()).isEqualTo("text/xml");
        assertThat(endpoint.get("formats").get(1).asText()).isEqualTo("application/json");
        assertThat(d.get("changeset").asText()).isEqualTo(
                catalog.currentVersion(LocalDate.now()).effectiveFrom() + "T00:00:00+08:00");

        Element x = xml(call(get("/open311/v2/discovery.xml")));
        assertThat(x.getTagName()).isEqualTo("discovery");
        assertThat(names(x)).isEqualTo(DISCOVERY_FIELDS);
        Element e = child(child(x, "endpoints"), "endpoint");
        assertThat(names(e)).isEqualTo(ENDPOINT_FIELDS);
        assertThat(names(child(e, "formats"))).containsExactly("format", "format");
        assertThat(child(e, "specification").getTextContent()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    }

    @Test
    void services_are_the_list_items_with_their_category_as_group() throws Exception {
        long version = catalog.currentVersion(LocalDate.now()).id();
        List<ItemView> items = catalog.itemsOfVersion(version);
        JsonNode list = json(call(get("/open311/v2/services.json")));
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(items.size()).isEqualTo(100);
        JsonNode first = list.get(0);
        assertThat(names(first)).isEqualTo(SERVICE_FIELDS);
        ItemView item = items.stream().filter(i -> i.code().equals(first.get("service_code").asText())).findFirst()
                .orElseThrow();
        assertThat(first.get("service_name").asText()).isEqualTo(item.name());
        assertThat(first.get("description").asText()).isEqualTo(item.description());
        assertThat(first.get("group").asText()).isEqualTo(item.categoryName());
        assertThat(first.get("metadata").isBoolean()).isTrue();
        assertThat(first.get("metadata").asBoolean()).isTrue();
        assertThat(first.get("type").asText()).isEqualTo("realtime");

        Element x = xml(call(get("/open311/v2/services.xml").param("jurisdiction_id", "civitas")));
        assertThat(x.getTagName()).isEqualTo("services");
        assertThat(children(x)).hasSize(100).allSatisfy(s -> {
            assertThat(s.getTagName()).isEqualTo("service");
            assertThat(names(s)).isEqualTo(SERVICE_FIELDS);
        });
        assertThat(child(children(x).get(0), "service_code").getTextContent()).isEqualTo(item.code());
    }

    @Test
    void a_service_definition_asks_for_the_district_where_the_item_is_territorial() throws Exception {
        ItemView territorial = item(Responsibility.TERRITORIAL);
        JsonNode d = json(call(get("/open311/v2/services/" + territorial.code() + ".json")));
        assertThat(names(d)).containsExactly("service_code", "attributes");
        assertThat(d.get("service_code").asText()).isEqualTo(territorial.code());
        JsonNode district = d.get("attributes").get(0);
        assertThat(names(district)).isEqualTo(ATTRIBUTE_FIELDS);
        assertThat(district.get("code").asText()).isEqualTo("district");
        assertThat(district.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(district.get("required").asBoolean()).isTrue();
        assertThat(district.get("variable").asBoolean()).isTrue();
        assertThat(district.get("order").asInt()).isEqualTo(1);
        assertThat(district.get("description").asText()).isEqualTo("事件发生的区");
        assertThat(names(district.get("values").get(0))).containsExactly("key", "name");
        assertThat(district.get("values").findValuesAsText("key")).contains("D05");
        JsonNode street = d.get("attributes").get(1);
        assertThat(street.get("code").asText()).isEqualTo("street");
        assertThat(street.get("required").asBoolean()).isFalse();
        assertThat(street.get("values").findValuesAsText("key")).contains("S0501");

        JsonNode english = json(call(get("/open311/v2/services/" + territorial.code() + ".json")
                .header("Accept-Language", "en-US,en;q=0.9")));
        assertThat(english.get("attributes").get(0).get("description").asText()).isEqualTo("District where it happened");

        ItemView department = item(Responsibility.DEPARTMENT);
        Element x = xml(call(get("/open311/v2/services/" + department.code() + ".xml")));
        assertThat(x.getTagName()).isEqualTo("service_definition");
        Element attribute = child(child(x, "attributes"), "attribute");
        assertThat(names(attribute)).isEqualTo(ATTRIBUTE_FIELDS);
        assertThat(child(attribute, "required").getTextContent()).isEqualTo("false");
        assertThat(names(child(child(attribute, "values"), "value"))).containsExactly("key", "name");
    }

    @Test
    void unknown_services_jurisdictions_and_formats_are_refused_in_the_spec_error_format() throws Exception {
        MockHttpServletResponse missing = call(get("/open311/v2/services/NOPE.json"));
        assertThat(missing.getStatus()).isEqualTo(404);
        JsonNode e = json(missing);
        assertThat(e.isArray()).isTrue();
        assertThat(names(e.get(0))).containsExactly("code", "description");
        assertThat(e.get(0).get("code").asInt()).isEqualTo(404);
        assertThat(e.get(0).get("description").asText()).isEqualTo("未找到 service_code NOPE：请从服务列表（services）中选择。");

        MockHttpServletResponse missingXml = call(get("/open311/v2/services/NOPE.xml").header("Accept-Language", "en"));
        assertThat(missingXml.getStatus()).isEqualTo(404);
        Element errors = xml(missingXml);
        assertThat(errors.getTagName()).isEqualTo("errors");
        Element error = child(errors, "error");
        assertThat(names(error)).containsExactly("code", "description");
        assertThat(child(error, "code").getTextContent()).isEqualTo("404");
        assertThat(child(error, "description").getTextContent()).startsWith("service_code NOPE was not found");

        assertThat(call(get("/open311/v2/services.json").param("jurisdiction_id", "elsewhere.gov")).getStatus())
                .isEqualTo(404);
        MockHttpServletResponse yaml = call(get("/open311/v2/services.yaml"));
        assertThat(yaml.getStatus()).isEqualTo(400);
        assertThat(json(yaml).get(0).get("code").asInt()).isEqualTo(400);
        assertThat(call(get("/open311/v2/tokens/123.json")).getStatus()).isEqualTo(404);
    }

    // --- filing -----------------------------------------------------------------------------------------------

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
                        "media_url 必须是 http 或 https 网址，且不超过 500 个字符。"),
                new Bad(file("json", "SR-01", "D05", "x".repeat(2001)), 400, null),
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
    void a_department_item_needs_no_district_and_a_media_url_is_kept_with_the_description() throws Exception {
        ItemView department = item(Responsibility.DEPARTMENT);
        MockHttpServletResponse r = call(file("json", department.code(), null, "井盖缺失",
                "media_url", "https://img.example.org/a.jpg"));
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        String number = json(r).get(0).get("service_request_id").asText();
        Map<String, Object> row = jdbc.queryForMap("SELECT lead_unit_code, description FROM case_file WHERE number = :n",
                Map.of("n", number));
        assertThat(row.get("lead_unit_code")).isEqualTo(department.leadUnitCode());
        assertThat(row.get("description")).isEqualTo("井盖缺失\n[图片链接] https://img.example.org/a.jpg");
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

    // --- reading ----------------------------------------------------------------------------------------------

    @Test
    void a_request_reads_back_with_the_spec_fields_and_the_filer_sees_it_whole() throws Exception {
        String evil = "<script>alert('x')</script>\"; DROP TABLE case_file; -- ' OR '1'='1 &amp; </request>";
        String number = fileJson(evil);

        JsonNode own = json(call(get("/open311/v2/requests/" + number + ".json").param("api_key", key))).get(0);
        assertThat(names(own)).isEqualTo(REQUEST_FIELDS);
        assertThat(own.get("service_request_id").asText()).isEqualTo(number);
        assertThat(own.get("status").asText()).isEqualTo("open");
        assertThat(own.get("status_notes").asText()).isEqualTo("已派单");
        assertThat(own.get("service_code").asText()).isEqualTo("SR-01");
        assertThat(own.get("description").asText()).isEqualTo(evil);
        assertThat(own.get("agency_responsible").asText()).isNotBlank();
        assertThat(own.get("address").asText()).isEqualTo("武昌区中华路街道 民主路 88 号");
        assertThat(own.get("lat").decimalValue()).isEqualByComparingTo("30.543210");
        assertThat(own.get("long").decimalValue()).isEqualByComparingTo("114.312346");
        assertThat(own.get("zipcode").isNull()).isTrue();
        OffsetDateTime requested = OffsetDateTime.parse(own.get("requested_datetime").asText());
        assertThat(own.get("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(own.get("expected_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(OffsetDateTime.parse(own.get("expected_datetime").asText())).isAfter(requested);
        assertThat(OffsetDateTime.parse(own.get("updated_datetime").asText())).isAfterOrEqualTo(requested);

        MockHttpServletResponse ownXml = call(get("/open311/v2/requests/" + number + ".xml").header("X-API-Key", key));
        assertThat(ownXml.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<script>")
                .contains("&lt;script");
        Element request = child(xml(ownXml), "request");
        assertThat(names(request)).isEqualTo(REQUEST_FIELDS);
        assertThat(child(request, "description").getTextContent()).isEqualTo(evil);

        for (MockHttpServletResponse r : List.of(call(get("/open311/v2/requests/" + number + ".json")),
                call(get("/open311/v2/requests/" + number + ".json").param("api_key", otherKey)))) {
            JsonNode pub = json(r).get(0);
            assertThat(names(pub)).isEqualTo(REQUEST_FIELDS);
            assertThat(pub.get("description").isNull()).isTrue();
            assertThat(pub.get("address").asText()).isEqualTo("武昌区中华路街道");
            assertThat(pub.get("lat").decimalValue()).isEqualByComparingTo("30.543");
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("13812345678")
                    .doesNotContain("李四").doesNotContain("<script").doesNotContain("DROP TABLE");
        }
        MockHttpServletResponse missing = call(get("/open311/v2/requests/WM000000.json"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(missing).get(0).get("code").asInt()).isEqualTo(404);
    }

    @Test
    void requests_are_filtered_by_id_service_status_and_dates() throws Exception {
        String a = fileJson("甲");
        String b = fileJson("乙");
        ItemView department = item(Responsibility.DEPARTMENT);
        MockHttpServletResponse c = call(file("json", department.code(), null, "丙"));
        String cNumber = json(c).get(0).get("service_request_id").asText();
        jdbc.update("UPDATE case_file SET status = 'INVALID', close_reason = NULL WHERE number = :n", Map.of("n", b));

        JsonNode byId = json(call(get("/open311/v2/requests.json")
                .param("service_request_id", a + "," + b).param("status", "open")));
        assertThat(byId.findValuesAsText("service_request_id")).containsExactlyInAnyOrder(a, b);

        JsonNode open = json(call(get("/open311/v2/requests.json").param("status", "open")));
        assertThat(open.findValuesAsText("service_request_id")).contains(a, cNumber).doesNotContain(b);
        assertThat(open.findValuesAsText("status")).containsOnly("open");
        JsonNode closed = json(call(get("/open311/v2/requests.json").param("status", "closed")));
        assertThat(closed.findValuesAsText("service_request_id")).contains(b).doesNotContain(a);
        assertThat(closed.findValuesAsText("status")).containsOnly("closed");
        JsonNode both = json(call(get("/open311/v2/requests.json").param("status", "open,closed")));
        assertThat(both.findValuesAsText("service_request_id")).contains(a, b, cNumber);

        JsonNode byCode = json(call(get("/open311/v2/requests.json").param("service_code", department.code())));
        assertThat(byCode.findValuesAsText("service_request_id")).contains(cNumber).doesNotContain(a);
        assertThat(byCode.findValuesAsText("service_code")).containsOnly(department.code());

        String requested = json(call(get("/open311/v2/requests/" + a + ".json"))).get(0).get("requested_datetime")
                .asText();
        OffsetDateTime at = OffsetDateTime.parse(requested);
        JsonNode window = json(call(get("/open311/v2/requests.json")
                .param("start_date", at.minusSeconds(1).toString()).param("end_date", at.plusSeconds(2).toString())));
        assertThat(window.findValuesAsText("service_request_id")).contains(a);
        JsonNode before = json(call(get("/open311/v2/requests.json")
                .param("end_date", at.minusDays(1).toString())));
        assertThat(before.findValuesAsText("service_request_id")).doesNotContain(a, b, cNumber);
        JsonNode utc = json(call(get("/open311/v2/requests.json")
                .param("start_date", at.minusSeconds(1).withOffsetSameInstant(java.time.ZoneOffset.UTC).toString())));
        assertThat(utc.findValuesAsText("service_request_id")).contains(a);

        Element xmlList = xml(call(get("/open311/v2/requests.xml").param("service_request_id", a)));
        assertThat(xmlList.getTagName()).isEqualTo("service_requests");
        assertThat(names(child(xmlList, "request"))).isEqualTo(REQUEST_FIELDS);

        record Bad(String name, String value, String description) {
        }
        for (Bad bad : List.of(
                new Bad("status", "pending", "status 只能是 open 或 closed（可用逗号分隔）。"),
                new Bad("start_date", "yesterday", "start_date 不是有效的 W3C 日期时间（例如 2026-05-01T00:00:00+08:00）。"),
                new Bad("end_date", "2026-13-01", "end_date 不是有效的 W3C 日期时间（例如 2026-05-01T00:00:00+08:00）。"))) {
            MockHttpServletResponse r = call(get("/open311/v2/requests.json").param(bad.name(), bad.value()));
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(json(r).get(0).get("description").asText()).isEqualTo(bad.description());
        }
        MockHttpServletResponse tooLong = call(get("/open311/v2/requests.json")
                .param("start_date", "2026-01-01T00:00:00+08:00").param("end_date", "2026-05-01T00:00:00+08:00"));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(json(tooLong).get(0).get("description").asText())
                .isEqualTo("start_date 必须早于 end_date，且两者相隔不超过 90 天。");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("WM" + i);
        }
        assertThat(call(get("/open311/v2/requests.json").param("service_request_id", String.join(",", many)))
                .getStatus()).isEqualTo(400);
    }

    // --- OpenAPI ----------------------------------------------------------------------------------------------

    @Test
    void the_openapi_description_covers_both_apis_and_needs_no_login() throws Exception {
        MockHttpServletResponse docs = call(get("/v3/api-docs"));
        assertThat(docs.getStatus()).isEqualTo(200);
        JsonNode api = Json.MAPPER.readTree(docs.getContentAsString(StandardCharsets.UTF_8));
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(names(api.get("paths"))).contains("/api/v1/cases", "/api/v1/cases/{ref}",
                "/api/v1/cases/by-number/{number}", "/api/v1/cases/{ref}/rating", "/open311/v2/services.{format}",
                "/open311/v2/services/{code}.{format}", "/open311/v2/requests.{format}",
                "/open311/v2/requests/{id}.{format}");
        assertThat(api.get("components").get("securitySchemes").get("apiKey").get("name").asText())
                .isEqualTo("X-API-Key");
        assertThat(api.get("components").get("schemas").has("IntakeRequest")).isTrue();
        assertThat(call(get("/swagger-ui.html")).getStatus()).isBetween(200, 399);
    }

    int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Map.of(), Integer.class);
    }
}
