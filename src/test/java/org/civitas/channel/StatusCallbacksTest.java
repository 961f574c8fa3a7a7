package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * A case filed by a channel system with a callback address queues its status callback in the outbox (channel
 * WEBHOOK, recipient the system's code), in the filing transaction: the notify feature writes the row, the channel
 * feature says what it holds.
 */
@IntegrationTest
class StatusCallbacksTest {

    static final String CODE = "T_CB_QUEUE";

    @Autowired WebApplicationContext context;
    @Autowired ChannelService channels;
    @Autowired NamedParameterJdbcTemplate jdbc;

    @Test
    void a_case_filed_by_a_system_with_a_callback_queues_its_status_for_it() throws Exception {
        // written as a row: saving checks that the address resolves, and a test has no name service to ask
        jdbc.update("""
                INSERT IGNORE INTO channel_system (code, name, channel, callback_url, hmac_secret, active, created_at)
                VALUES (:code, '回调测试', 'APP', 'https://callback.example.org/hook', 's3cret', TRUE, NOW())""",
                Map.of("code", CODE));
        String key = RunAs.user("admin", () -> channels.createKey(CODE, "test"), "ADMIN");
        String ref = IntakeApiTest.ref();
        int status = IntakeApiTest.mvc(context).perform(post("/api/v1/cases").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(IntakeApiTest.report(ref, "回调测试：占道经营")))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select channel, subject, body, state, attempts from outbox_message
                where recipient = :code and body like :ref""", Map.of("code", CODE, "ref", "%" + ref + "%"));
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("channel")).isEqualTo("WEBHOOK");
        assertThat(row.get("subject")).isNull();
        assertThat(row.get("state")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertThat((String) row.get("body")).contains("\"event\":\"case.status_changed\"", "\"status\":\"");
    }
}
