package org.civitas.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What a case wrote, for comparing two cases filed from the same report by different paths. */
public final class CaseRows {

    private CaseRows() {
    }

    /**
     * Every table a registration writes: the case row, its history, its co-units, its notices with their mails;
     * without what differs between two cases (ids, the number, the channel's ref, the random tracking code).
     */
    public static Map<String, Object> written(NamedParameterJdbcTemplate jdbc, long id) {
        Map<String, Object> row = new TreeMap<>(jdbc.queryForMap("SELECT * FROM case_file WHERE id = :id",
                Map.of("id", id)));
        String number = (String) row.remove("number");
        row.remove("id");
        row.remove("channel_ref");
        // random per case: both paths must write one, of the same form
        Object code = row.get("tracking_code");
        row.put("tracking_code", code != null && code.toString().matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")
                ? "<code>" : code);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("case", row);
        all.put("history", jdbc.queryForList("""
                SELECT at, actor, action, from_status, to_status, unit_code, note, internal FROM case_history
                WHERE case_id = :id ORDER BY id""", Map.of("id", id)));
        all.put("co_units", jdbc.queryForList("""
                SELECT unit_code, status, handle_due_at FROM case_co_unit WHERE case_id = :id ORDER BY unit_code""",
                Map.of("id", id)));
        List<String> notices = jdbc.queryForList("""
                SELECT n.recipient, n.kind, n.case_number, n.message_key, n.message_args, n.created_at, n.read_at,
                       o.channel, o.recipient AS mail_to, o.subject, o.body, o.state
                FROM notification n LEFT JOIN outbox_message o ON o.notification_id = n.id
                WHERE n.case_id = :id ORDER BY n.recipient, n.message_key""", Map.of("id", id)).stream()
                .map(n -> n.toString().replace(number, "<number>").replace("/cases/" + id, "/cases/<id>")).toList();
        all.put("notices", notices);
        return all;
    }
}
