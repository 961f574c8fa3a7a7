package org.civitas.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.civitas.base.db.ConditionalOnEmbeddedDatabase;
import org.civitas.classify.ClassifierService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * About six months of cases on an empty embedded database, and the inspector's last weeks ({@link DemoInspections}),
 * so every view is alive on first start.
 */
@Component
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "civitas.demo.enabled", havingValue = "true")
@Order(20)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private static final double DEMO_THRESHOLD = 0.98;
    private static final double DEMO_PLACE_THRESHOLD = 0.85;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int count;
    private final DemoInspections inspections;
    private final DemoClock demoClock;
    private final ClassifierService classifier;
    private final UserDetailsService users;

    DemoCases(DataSource dataSource, JdbcTemplate jdbc, Clock clock,
              @Value("${civitas.demo.cases:30000}") int count, DemoInspections inspections,
              ObjectProvider<DemoClock> demoClock, ClassifierService classifier, UserDetailsService users) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.count = count;
        this.inspections = inspections;
        this.demoClock = demoClock.getIfAvailable();
        this.classifier = classifier;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Long existing = jdbc.queryForObject("select count(*) from case_file", Long.class);
        if (count <= 0 || existing == null || existing > 0) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long started = System.nanoTime();
        var options = new CaseGenerator.Options(count, now.minusDays(182), now.minusMinutes(5), now, 20261128L);
        new CaseGenerator(dataSource, options).generate(n -> {
            if (n % 10_000 == 0) {
                log.info("Demo cases: {} of {}", n, count);
            }
        });
        log.info("Created {} demo cases in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        switchOnAutomaticDispatch();
        if (demoClock != null) {
            try {
                log.info("Created {} demo inspection rounds", inspections.create(now, demoClock).size());
            } catch (RuntimeException e) {
                // the cases are there; a demo without its inspections still starts
                log.warn("Demo inspections not created", e);
            }
        }
    }

    /**
     * The demo shows the system's own dispatch (系统分类) of app and WeChat reports without an item, so its supervisor
     * has switched it on at the threshold measured on the evaluation set for a model trained on demo cases (DD050,
     * DD051); an installation starts with it off.
     */
    private void switchOnAutomaticDispatch() {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        var supervisor = users.loadUserByUsername("supervisor");
        context.setAuthentication(new UsernamePasswordAuthenticationToken(supervisor, null,
                supervisor.getAuthorities()));
        try {
            classifier.saveAutoDispatchSettings(true, DEMO_THRESHOLD, DEMO_PLACE_THRESHOLD);
        } catch (RuntimeException e) {
            log.warn("Automatic dispatch not switched on for the demo", e);
        } finally {
            context.setAuthentication(previous);
        }
    }
}
