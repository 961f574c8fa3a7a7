package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.civitas.cases.Channel;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.BeforeEach;
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
 * What the Open311 tests share: two API clients (the filer and another channel) with fresh keys, a POST built like the
 * spec's example, and readers of the JSON and XML answers that keep the order of their fields.
 */
@IntegrationTest
abstract class Open311ApiFixture {

    static final String CODE = "T_O311_APP";
    static final String OTHER = "T_O311_OTHER";

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
        return ClientJson.MAPPER.readTree(r.getContentAsString(StandardCharsets.UTF_8));
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
}
