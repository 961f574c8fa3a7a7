package org.civitas.demo;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.civitas.cases.CasesGenerated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk load for load tests and benchmarks (docs/benchmarks.md): {@code --civitas.generate=N} tops the database up to
 * N cases spread over the five years before now (seasonal curve, yearly growth), with a progress bar, then exits.
 * Run it against a real server: {@code SPRING_DATASOURCE_URL=... java -jar civitas.jar --civitas.generate=20000000}.
 */
@Component
@ConditionalOnProperty(name = "civitas.generate")
@Order(30)
public class CaseLoad implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseLoad.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final long target;

    CaseLoad(DataSource dataSource, Clock clock, ConfigurableApplicationContext context,
             @Value("${civitas.generate}") long target) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.context = context;
        this.target = target;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int added = topUp(dataSource, target, LocalDateTime.now(clock), System.err);
        log.info("Generated {} cases", added);
        if (added > 0) {
            context.publishEvent(new CasesGenerated(added));
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /**
     * Adds cases until {@code case_file} holds {@code target} rows (none when it already does): five years up to
     * {@code now}, seasonal, seed fixed so two loads of the same size look alike. Returns how many were added.
     */
    public static int topUp(DataSource dataSource, long target, LocalDateTime now, PrintStream bar)
            throws SQLException {
        Long existing = new JdbcTemplate(dataSource).queryForObject("select count(*) from case_file", Long.class);
        long missing = target - (existing == null ? 0 : existing);
        if (missing <= 0) {
            return 0;
        }
        return generate(dataSource, Math.toIntExact(missing), now.minusYears(5), now.minusMinutes(5), now,
                20_261_128L + existing, true, bar);
    }

    /**
     * Adds {@code count} cases received within {@code window} before {@code now} (uniform, no season): most of them
     * still in their deadlines, hence open. Benchmarks use it for a city with a million cases in progress.
     */
    public static int addRecent(DataSource dataSource, int count, java.time.Duration window, LocalDateTime now,
                                PrintStream bar) throws SQLException {
        Long existing = new JdbcTemplate(dataSource).queryForObject("select max(id) from case_file", Long.class);
        return generate(dataSource, count, now.minus(window), now.minusMinutes(5), now,
                31_000_000L + (existing == null ? 0 : existing), false, bar);
    }

    private static int generate(DataSource dataSource, int count, LocalDateTime from, LocalDateTime to,
                                LocalDateTime now, long seed, boolean seasonal, PrintStream bar) throws SQLException {
        var options = new CaseGenerator.Options(count, from, to, now, seed, seasonal);
        long start = System.nanoTime();
        int done = new CaseGenerator(dataSource, options).generate(n -> {
            if (n % 10_000 == 0 || n == count) {
                bar.print(progress(n, count, System.nanoTime() - start));
            }
        });
        bar.println();
        return done;
    }

    /** {@code [#######.............]  35%  350,000/1,000,000  11,234 cases/s  ETA 58 s}, redrawn in place. */
    static String progress(int done, int total, long nanos) {
        int width = 30;
        int filled = (int) ((long) done * width / total);
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        return String.format("\r[%s%s] %3d%%  %,d/%,d  %,.0f cases/s  ETA %d s   ", "#".repeat(filled),
                ".".repeat(width - filled), (long) done * 100 / total, done, total, rate, eta);
    }
}
