package org.civitas.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link SessionBench}'s start-at-readiness mode needs: a node of its own, and every round trip by its time. */
final class FromReadiness {

    private FromReadiness() {
    }

    /** One round trip: what it was, when it started (ns after readiness), how long it took (ms). */
    record Sample(String kind, long startNanos, double millis) {
    }

    /** Collects the sessions' round trips; times count from the instant readiness answered UP. */
    static final class Recorder {
        final long ready;
        final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

        Recorder(long ready) {
            this.ready = ready;
        }

        void add(String kind, long start, long end) {
            samples.add(new Sample(kind, start - ready, (end - start) / 1e6));
        }

        /** The round trips of {@code kind} (null: all) that started within [from, to) seconds after readiness. */
        double[] millis(String kind, double from, double to) {
            return samples.stream()
                    .filter(s -> kind == null || s.kind().equals(kind))
                    .filter(s -> s.startNanos() >= from * 1e9 && s.startNanos() < to * 1e9)
                    .mapToDouble(Sample::millis).toArray();
        }

        /** "n, p50 …, p95 …" of those round trips. */
        String summary(String kind, double from, double to) {
            double[] m = millis(kind, from, to);
            if (m.length == 0) {
                return "none";
            }
            return String.format("%,d, p50 %s, p95 %s, max %s", m.length, Bench.ms(Bench.percentile(m, 50)),
                    Bench.ms(Bench.percentile(m, 95)), Bench.ms(Arrays.stream(m).max().orElse(0)));
        }
    }

    /**
     * The production jar ({@code BENCH_READINESS_JAR}) in a JVM of its own on free ports, with the JVM options of
     * deploy/systemd/civitas.service and {@code BENCH_APP_EXTRA_OPTS} (e.g. a CDS archive); the database and the TOTP
     * key from the environment, as bench/run.sh sets them. Its output goes to {@code target/bench/readiness-node.log}.
     */
    static final class Node implements AutoCloseable {
        final Process process;
        final int appPort;
        final int managementPort;
        final Path log;
        final long started = System.nanoTime();
        final List<String> command;

        private Node(Process process, int appPort, int managementPort, Path log, List<String> command) {
            this.process = process;
            this.appPort = appPort;
            this.managementPort = managementPort;
            this.log = log;
            this.command = command;
        }

        static Node start(String jar) throws IOException {
            int app = freePort();
            int management = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(serviceJvmOptions());
            for (String o : Bench.env("BENCH_APP_EXTRA_OPTS", "").split("\\s+")) {
                if (!o.isBlank()) {
                    command.add(o);
                }
            }
            // the bench plays nginx: its X-Forwarded-For (each session's own address) is believed
            command.addAll(List.of("-jar", jar, "--server.port=" + app, "--management.server.port=" + management,
                    "--civitas.demo.enabled=false", "--civitas.web.trusted-proxies=127.0.0.1"));
            Path dir = Bench.OUT.toAbsolutePath().resolve("readiness-node");
            Files.createDirectories(dir);
            Path log = Bench.OUT.toAbsolutePath().resolve("readiness-node.log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Node(p, app, management, log, command);
        }

        /** The options of {@code ExecStart=/usr/bin/java … -jar} in the unit file, or BENCH_APP_JAVA_OPTS. */
        static List<String> serviceJvmOptions() throws IOException {
            String given = Bench.env("BENCH_APP_JAVA_OPTS", "");
            if (!given.isBlank()) {
                return List.of(given.trim().split("\\s+"));
            }
            Matcher m = Pattern.compile("(?m)^ExecStart=/usr/bin/java (.*) -jar ")
                    .matcher(Files.readString(Path.of("deploy/systemd/civitas.service")));
            return m.find() ? List.of(m.group(1).trim().split("\\s+")) : List.of("-Xmx1g");
        }

        String appUrl() {
            return "http://127.0.0.1:" + appPort;
        }

        String healthUrl() {
            return "http://127.0.0.1:" + managementPort + "/actuator/health/liveness";
        }

        String pid() {
            return Long.toString(process.pid());
        }

        /** Polls readiness every 50 ms, as a load balancer's checker would; returns System.nanoTime() at UP. */
        long awaitReady(Duration max) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the node exited during start-up: see " + log);
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return System.nanoTime();
                    }
                } catch (IOException notYet) {
                    // the management port opens with the context
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("not ready within " + max);
        }

        /** The node's own line on its warm-up ("Warm-up done, ready for traffic: {…}"), if logged. */
        String warmUpLine() throws IOException {
            Matcher m = Pattern.compile("Warm-up done, ready for traffic: (\\{[^}]*})").matcher(Files.readString(log));
            return m.find() ? m.group(1) : "(no warm-up line in the log)";
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }

    /** p95 of {@code kind} in 10-s windows from readiness up to {@code seconds}: how the node settles. */
    static Map<Integer, String> byTenSeconds(Recorder rec, String kind, int seconds) {
        Map<Integer, String> out = new TreeMap<>();
        for (int from = 0; from < seconds; from += 10) {
            double[] m = rec.millis(kind, from, from + 10);
            out.put(from, m.length == 0 ? "—" : Bench.ms(Bench.percentile(m, 95)) + " (" + m.length + ")");
        }
        return out;
    }
}
