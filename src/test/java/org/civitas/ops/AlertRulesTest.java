package org.civitas.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The monitoring files in deploy/ as Prometheus and Grafana would load them, without either installed (.ci/run also
 * runs promtool on them, from Debian's prometheus package): the rule file's schema, that every alert is explained in docs/operations.md, and that
 * every Civitas metric the rules and the dashboard use is one the application exports.
 */
class AlertRulesTest {

    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    static final Path PROMETHEUS = Path.of("deploy/prometheus/prometheus.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/civitas-operations.json");
    static final Path DOCS = Path.of("docs/operations.md");
    /**
     * What the app exports (OperationsEndpointsTest scrapes them), in Prometheus's names; the replica's two only with
     * a replica configured (ReplicaLagTest names them, .ci/multi-node.sh scrapes them from a real replica).
     */
    static final Set<String> EXPORTED = Set.of("civitas_cases_received_total", "civitas_cases_dispatched_total",
            "civitas_cases_open", "civitas_cases_overdue", "civitas_cases_warned", "civitas_sweep_duration_seconds_max",
            "civitas_sweep_duration_seconds_count", "civitas_sweep_duration_seconds_sum",
            "civitas_sweep_last_success_seconds", "civitas_outbox_pending", "civitas_outbox_failed",
            "civitas_outbox_oldest_age_seconds", "civitas_outbox_configured", "civitas_outbox_send_failures_total",
            "civitas_callbacks_failures_total", "civitas_sessions_live", "civitas_ready", "civitas_logins_failed_total",
            "civitas_logins_throttles_total", "civitas_export_seconds_sum", "civitas_export_seconds_count",
            "civitas_export_seconds_max", "civitas_db_replica_lag_seconds", "civitas_db_replica_running");
    static final Pattern DURATION = Pattern.compile("\\d+[smhd]");
    static final Pattern CIVITAS_METRIC = Pattern.compile("\\bcivitas_[a-z_]+");

    @Test
    @SuppressWarnings("unchecked")
    void every_rule_has_the_fields_prometheus_needs_and_a_section_in_the_docs() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        assertThat(file).containsOnlyKeys("groups");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        assertThat(groups).isNotEmpty();
        String docs = Files.readString(DOCS);
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> group : groups) {
            assertThat(group).containsKeys("name", "rules");
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String alert = (String) rule.get("alert");
                assertThat(alert).as("rule without a name in %s", group.get("name")).matches("Civitas[A-Za-z]+");
                assertThat(rule.keySet()).as(alert).isSubsetOf("alert", "expr", "for", "labels", "annotations");
                String expr = (String) rule.get("expr");
                assertThat(expr).as(alert).isNotBlank();
                assertThat(balanced(expr)).as(alert + ": parentheses and braces").isTrue();
                assertThat(String.valueOf(rule.get("for"))).as(alert).matches(DURATION);
                Map<String, String> labels = (Map<String, String>) rule.get("labels");
                assertThat(labels.get("severity")).as(alert).isIn("warning", "critical");
                Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
                assertThat(annotations).as(alert).containsKeys("summary", "runbook");
                String anchor = annotations.get("runbook").replaceFirst("^docs/operations\\.md#", "");
                assertThat(docs).as(alert + ": its runbook section").containsPattern("(?mi)^#+ " + anchor + "$");
                Matcher m = CIVITAS_METRIC.matcher(expr);
                while (m.find()) {
                    assertThat(EXPORTED).as(alert + " uses " + m.group()).contains(m.group());
                }
                names.add(alert);
            }
        }
        assertThat(names).contains("CivitasNodeDown", "CivitasNodeNotReady", "CivitasSweepNotRunning",
                "CivitasOutboxBacklog", "CivitasChannelSilent", "CivitasOverdueRising", "CivitasDiskLow",
                "CivitasReplicaLagging", "CivitasReplicaStopped");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_the_management_port_and_loads_the_rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(PROMETHEUS));
        assertThat((List<String>) file.get("rule_files")).containsExactly("alerts.yml");
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) file.get("scrape_configs");
        Map<String, Object> civitas = jobs.stream().filter(j -> "civitas".equals(j.get("job_name"))).findFirst()
                .orElseThrow();
        assertThat(civitas.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<Map<String, Object>> targets = (List<Map<String, Object>>) civitas.get("static_configs");
        assertThat(targets).allSatisfy(t -> assertThat((List<String>) t.get("targets"))
                .allMatch(a -> a.endsWith(":9080")));
    }

    @Test
    void the_dashboard_is_grafana_json_whose_panels_query_exported_metrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            assertThat(p.path("title").asText()).isNotBlank();
            assertThat(p.path("targets").size()).as(p.path("title").asText()).isPositive();
            p.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        });
        assertThat(exprs).hasSizeGreaterThan(10);
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            assertThat(balanced(expr)).as(expr).isTrue();
            Matcher m = CIVITAS_METRIC.matcher(expr);
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertThat(EXPORTED).containsAll(used);
        assertThat(used).contains("civitas_cases_received_total", "civitas_outbox_pending",
                "civitas_sweep_last_success_seconds", "civitas_sessions_live");
    }

    private static boolean balanced(String expr) {
        int round = 0;
        int curly = 0;
        int square = 0;
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            round += c == '(' ? 1 : c == ')' ? -1 : 0;
            curly += c == '{' ? 1 : c == '}' ? -1 : 0;
            square += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (round < 0 || curly < 0 || square < 0) {
                return false;
            }
        }
        return round == 0 && curly == 0 && square == 0 && !quoted;
    }
}
