package org.civitas.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.test.RunAs;
import org.civitas.test.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Actuator as an operator meets it: real HTTP to both ports. 127.0.0.1 plays a monitor on the network (anonymous),
 * 127.0.0.2 the node's own host, listed in {@code civitas.management.detail-addresses}. Its own context and database
 * (metrics export on, which Spring Boot's tests otherwise switch off; gauges uncached).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civitas.embedded-db.data-dir=target/mariadb-ops/data",
        "civitas.management.detail-addresses=127.0.0.2",
        "civitas.metrics.gauge-cache=PT0S"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import(TestClockConfiguration.class)
class OperationsEndpointsTest {

    static final String MONITOR = "127.0.0.1";
    static final String LOCAL = "127.0.0.2";

    @LocalServerPort int appPort;
    @LocalManagementPort int managementPort;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseService cases;
    @Autowired ApplicationContext context;
    @Autowired VaadinAwareSecurityContextHolderStrategy contextStrategy;
    private static SecurityContextHolderStrategy strategyOutside;

    @BeforeAll
    static void rememberSecurityContextStrategy() {
        strategyOutside = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void restoreSecurityContextStrategy() {
        if (strategyOutside != null) {
            SecurityContextHolder.setContextHolderStrategy(strategyOutside);
            strategyOutside = null;
        }
    }

    @BeforeEach
    void useThisContextsStrategy() {
        SecurityContextHolder.setContextHolderStrategy(contextStrategy);
    }

    @Test
    void the_app_port_has_no_actuator_and_does_not_answer_with_the_vaadin_page() throws IOException {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env")) {
            Reply r = get(MONITOR, appPort, path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContainIgnoringCase("<html").doesNotContain("\"status\"");
        }
    }

    @Test
    void every_request_gets_a_request_id_and_a_plausible_one_from_nginx_is_kept() throws IOException {
        Reply mine = get(MONITOR, appPort, "/login", "X-Request-ID: 0123456789abcdef");
        assertThat(mine.headers()).contains("X-Request-ID: 0123456789abcdef");
        Reply forged = get(MONITOR, appPort, "/login", "X-Request-ID: <script>");
        assertThat(forged.headers()).anyMatch(h -> h.matches("X-Request-ID: [0-9a-f]{32}"));
    }

    @Test
    void anonymous_health_says_up_or_down_and_nothing_more() throws IOException {
        awaitReady();
        Reply health = get(MONITOR, managementPort, "/actuator/health");
        // the status (and the names of the groups), no check and no detail
        assertThat(health.body()).matches("\\{\"status\":\"(UP|DOWN|OUT_OF_SERVICE|UNKNOWN)\"(,\"groups\":\\[[^\\]]*])?}")
                .doesNotContain("components", "details", "db", "MariaDB");
        assertThat(get(MONITOR, managementPort, "/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(MONITOR, managementPort, "/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
        // no login page on the management port, and no endpoint beyond the four exposed
        assertThat(get(MONITOR, managementPort, "/actuator/info").status()).isEqualTo(200);
        assertThat(get(MONITOR, managementPort, "/actuator/env").status()).isEqualTo(404);
        assertThat(get(MONITOR, managementPort, "/actuator/beans").status()).isEqualTo(404);
    }

    @Test
    void info_names_the_build_version_and_the_git_commit() throws IOException {
        String info = get(MONITOR, managementPort, "/actuator/info").body();
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("build-info.properties (spring-boot-maven-plugin build-info)").isNotNull();
            build.load(in);
        }
        assertThat(info).contains("\"build\":{", "\"version\":\"" + build.getProperty("build.version") + "\"");
        // a build from a git clone (CI's, the lead's) records its commit; an unpacked archive builds without one
        Properties git = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/git.properties")) {
            if (in == null) {
                assertThat(Files.exists(Path.of(".git"))).as("a git clone must yield git.properties").isFalse();
                return;
            }
            git.load(in);
        }
        assertThat(git.getProperty("git.commit.id")).matches("[0-9a-f]{40}");
        assertThat(info).containsPattern("\"git\":\\{.*\"commit\":\\{.*\"id\":\""
                + git.getProperty("git.commit.id.abbrev") + "\"");
    }

    @Test
    void the_nodes_own_host_sees_every_check_with_its_details() throws IOException {
        awaitReady();
        String body = get(LOCAL, managementPort, "/actuator/health").body();
        assertThat(body).contains("\"db\":{\"status\":\"UP\"", "\"diskSpace\"", "\"outbox\"", "\"sweep\"",
                "\"warmUp\":{\"status\":\"UP\"", "MariaDB");
        assertThat(get(LOCAL, managementPort, "/actuator/health/readiness").body())
                .contains("\"db\"", "\"warmUp\"", "\"readinessState\"").doesNotContain("\"sweep\"", "\"outbox\"");
    }

    @Test
    void readiness_goes_down_while_the_database_refuses_writes_and_comes_back_after() throws Exception {
        awaitReady();
        jdbc.execute("SET GLOBAL read_only = 1");
        try {
            Reply down = get(LOCAL, managementPort, "/actuator/health/readiness");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "the database is read-only");
            assertThat(get(MONITOR, managementPort, "/actuator/health/readiness").body())
                    .isEqualTo("{\"status\":\"DOWN\"}");
            // liveness stays UP: restarting the node would not bring the database back
            assertThat(get(MONITOR, managementPort, "/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            jdbc.execute("SET GLOBAL read_only = 0");
        }
        assertThat(get(MONITOR, managementPort, "/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void prometheus_serves_the_business_metrics_after_intakes_and_a_sweep() throws Exception {
        awaitReady();
        for (int i = 0; i < 3; i++) {
            String ref = "OPS-" + System.nanoTime();
            RunAs.user("operator", () -> cases.register(aReport().item("SR-04").in("D05", "S0501")
                    .channel(Channel.WECHAT, ref).build()), "OPERATOR");
        }
        var queued = RunAs.user("operator", () -> cases.register(aReport().item(null).in("D05", "S0501").build()),
                "OPERATOR");
        RunAs.user("supervisor", () -> cases.classify(queued.ref(), "SR-04", "D05", "S0501"), "SUPERVISOR");
        Object sweep = AopTestUtils.getUltimateTargetObject(context.getBean("deadlineSweep"));
        ReflectionTestUtils.invokeMethod(sweep, "sweep");

        Reply r = get(MONITOR, managementPort, "/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        String text = r.body();
        assertThat(value(text, "civitas_cases_received_total", "channel=\"WECHAT\"")).isEqualTo(3);
        assertThat(value(text, "civitas_cases_received_total", "channel=\"HOTLINE_12345\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "civitas_cases_dispatched_total", "mode=\"auto\"")).isGreaterThanOrEqualTo(3);
        assertThat(value(text, "civitas_cases_dispatched_total", "mode=\"manual\"")).isEqualTo(1);
        assertThat(value(text, "civitas_cases_open", "application=\"civitas\"")).isGreaterThanOrEqualTo(4);
        assertThat(value(text, "civitas_cases_overdue", "application=\"civitas\"")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "civitas_cases_warned", "application=\"civitas\"")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "civitas_sweep_duration_seconds_count", "application=\"civitas\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "civitas_sweep_last_success_seconds", "application=\"civitas\""))
                .isGreaterThan(1_700_000_000);
        for (String kind : List.of("EMAIL", "SMS", "WEBHOOK")) {
            assertThat(value(text, "civitas_outbox_pending", "kind=\"" + kind + "\"")).isGreaterThanOrEqualTo(0);
            assertThat(value(text, "civitas_outbox_oldest_age_seconds", "kind=\"" + kind + "\""))
                    .isGreaterThanOrEqualTo(0);
            assertThat(value(text, "civitas_outbox_configured", "kind=\"" + kind + "\"")).isBetween(0.0, 1.0);
        }
        assertThat(value(text, "civitas_sessions_live", "application=\"civitas\"")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "civitas_logins_failed_total", "application=\"civitas\"")).isGreaterThanOrEqualTo(0);
        // the platform's own beside them
        assertThat(text).contains("hikaricp_connections_active", "jvm_memory_used_bytes",
                "http_server_requests_seconds");
        // low cardinality: no case number or id in any label
        assertThat(text).doesNotContain("OPS-", "case_id=", "number=\"");
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    static double value(String text, String name, String label) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + "{" + label + "} in:\n" + text.lines()
                .filter(l -> l.startsWith("civitas_")).reduce("", (a, b) -> a + b + "\n"));
    }

    /** Readiness waits for the warm-up: at most a minute. */
    void awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get(MONITOR, managementPort, "/actuator/health/readiness").status() != 200) {
            assertThat(System.nanoTime()).as("readiness within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Reply(int status, List<String> headers, String body) {
    }

    /** One HTTP/1.0 GET from the given local address to the given port (Java's HTTP clients cannot choose it). */
    static Reply get(String from, int port, String path, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: localhost:" + port
                    + "\r\nAccept: */*\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            List<String> head = List.of(response.substring(0, end).split("\r\n"));
            return new Reply(Integer.parseInt(head.get(0).split(" ")[1]), head.subList(1, head.size()),
                    response.substring(end + 4));
        }
    }
}
