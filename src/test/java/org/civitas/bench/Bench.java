package org.civitas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import javax.sql.DataSource;
import org.civitas.demo.CaseLoad;
import org.civitas.test.RunAs;

/** What every measure shares: the size asked for, the top-up load, percentiles, the rows of the table. */
final class Bench {

    static final long CASES = Long.parseLong(env("BENCH_CASES", "1000000"));
    static final Path OUT = Path.of(env("BENCH_OUT", "target/bench"));

    private Bench() {
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Loads the database up to {@link #CASES} cases once; later runs find them there. */
    static synchronized void load(DataSource ds) throws Exception {
        long start = System.nanoTime();
        int added = CaseLoad.topUp(ds, CASES, LocalDateTime.now(), System.out);
        if (added > 0) {
            double s = (System.nanoTime() - start) / 1e9;
            note("00-load", String.format("Load: %,d cases with their history generated in %.0f s (%,.0f cases/s, "
                    + "one JDBC connection, batches of 1,000, bulk protocol).", added, s, added / s));
        }
    }

    static double percentile(double[] millis, double p) {
        double[] s = millis.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1)];
    }

    /** One row of the table, kept in a file named for its order. */
    static void row(String key, String measure, String civitas, String raw, String ratio, String target, Boolean met) {
        write(key + ".row", String.format("| %s | %s | %s | %s | %s | %s |%n", measure, civitas, raw, ratio, target,
                met == null ? "—" : met ? "yes" : "**no**"));
    }

    static void note(String key, String text) {
        write(key + ".note", text + "\n\n");
    }

    private static void write(String name, String text) {
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the raw query and reads every row as a client would (a column of each); returns how many. */
    static int readAll(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        int rows = 0;
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getString(2);
                rows++;
            }
        }
        return rows;
    }

    static String ms(double v) {
        return v < 10 ? String.format("%.2f ms", v) : String.format("%,.0f ms", v);
    }

    static String ratio(double civitas, double raw) {
        return raw <= 0 ? "—" : String.format("%.2f×", civitas / raw);
    }

    /** CPU time this JVM has used so far, in ms. */
    static double jvmCpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e6 : -1;
    }

    /**
     * CPU time the MariaDB server of the benchmark ({@code mariadbd} started with {@code --port=<port>} on this
     * machine) has used so far, in ms; -1 when it is not found. Unlike wall-clock rates, CPU per case does not
     * change with what else the shared cores run.
     */
    static double serverCpuMillis(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
                .filter(p -> java.util.Arrays.asList(p.info().arguments().orElse(new String[0]))
                        .contains("--port=" + port))
                .findFirst()
                .flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toNanos() / 1e6)
                .orElse(-1.0);
    }

    /** The port of {@code SPRING_DATASOURCE_URL} (jdbc:mariadb://host:port/db), 3306 without one. */
    static int databasePort() {
        var m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)").matcher(env("SPRING_DATASOURCE_URL", ""));
        return m.find() ? Integer.parseInt(m.group(1)) : 3306;
    }

    /** Runs {@code op} once to warm up, then {@code times} times; the median in ms, and the first (cold) run. */
    static double[] timed(int times, java.util.concurrent.Callable<?> op) throws Exception {
        long c0 = System.nanoTime();
        op.call();
        double cold = (System.nanoTime() - c0) / 1e6;
        double[] t = new double[times];
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            op.call();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new double[] {percentile(t, 50), cold};
    }

    static <T> T as(String role, java.util.function.Supplier<T> action) {
        return RunAs.user(role.toLowerCase(), action, role);
    }
}
