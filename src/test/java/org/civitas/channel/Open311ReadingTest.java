package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2, reading: a request reads back with the spec's fields, whole for the channel that
 * filed it and without the complainant or the exact place for anyone else; the list filters and their refusals.
 */
class Open311ReadingTest extends Open311ApiFixture {

    /** The spec's field names, in the order of its examples. */
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");

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
}
