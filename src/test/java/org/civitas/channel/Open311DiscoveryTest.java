package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2, what a client reads before filing: discovery, services and service definitions in
 * JSON and XML, field by field against the spec's examples (http://wiki.open311.org/GeoReport_v2, the Service
 * Discovery page), the spec's error format for unknown services, jurisdictions and formats, and the OpenAPI page.
 */
class Open311DiscoveryTest extends Open311ApiFixture {

    /** The spec's field names, in the order of its examples. */
    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    static final List<String> ATTRIBUTE_FIELDS = List.of("variable", "code", "datatype", "required",
            "datatype_description", "order", "description", "values");
    static final List<String> DISCOVERY_FIELDS = List.of("changeset", "contact", "key_service", "endpoints");
    static final List<String> ENDPOINT_FIELDS = List.of("specification", "url", "changeset", "type", "formats");

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
        // the 100 items, then the generic 不知道选哪一项 (OTHER) for a request without an item
        assertThat(list.size()).isEqualTo(items.size() + 1).isEqualTo(101);
        JsonNode other = list.get(100);
        assertThat(names(other)).isEqualTo(SERVICE_FIELDS);
        assertThat(other.get("service_code").asText()).isEqualTo("OTHER");
        assertThat(other.get("service_name").asText()).isEqualTo("不知道选哪一项");
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
        assertThat(children(x)).hasSize(101).allSatisfy(s -> {
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

    @Test
    void the_openapi_description_covers_both_apis_and_needs_no_login() throws Exception {
        MockHttpServletResponse docs = call(get("/v3/api-docs"));
        assertThat(docs.getStatus()).isEqualTo(200);
        JsonNode api = ClientJson.MAPPER.readTree(docs.getContentAsString(StandardCharsets.UTF_8));
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
}
