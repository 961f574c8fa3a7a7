package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.sql.Connection;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.civitas.cases.CaseDetails;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Existing cases' warning times move into office hours; cases already warned, and emergencies, keep theirs. */
@IntegrationTest
class WarningsInOfficeHoursMigrationTest {

    // Monday 2 March 2026 10:00; SR-09 is 3 working days → Thursday 17:30. Clock time put the warning at Thu 01:36.
    static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 3, 2, 10, 0);
    static final LocalDateTime OLD_WARNING = LocalDateTime.of(2026, 3, 5, 1, 36);

    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_open_case_warned_at_night_is_moved_to_office_hours_and_a_warned_one_keeps_its_time() throws Exception {
        clock.set(MONDAY_10);
        CaseDetails open = register("SR-09");
        CaseDetails warned = register("SR-09");
        CaseDetails emergency = register("SR-07");
        LocalDateTime emergencyWarning = warnAt(emergency);
        jdbc.update("update case_file set warn_at = ? where id in (?, ?)", OLD_WARNING, open.id(), warned.id());
        jdbc.update("update case_file set warning_noted_at = ? where id = ?", OLD_WARNING, warned.id());

        try (Connection connection = dataSource.getConnection()) {
            new V88__Warnings_in_office_hours("08:30-12:00,14:00-17:30").migrate(context(connection));
        }

        // 26.5 office hours from Mon 10:00 to Thu 17:30; 80 % → Thu 10:12
        assertThat(warnAt(open)).isEqualTo(LocalDateTime.of(2026, 3, 5, 10, 12));
        assertThat(warnAt(warned)).isEqualTo(OLD_WARNING);
        assertThat(warnAt(emergency)).isEqualTo(emergencyWarning);
    }

    private CaseDetails register(String item) {
        return RunAs.account(users, "operator", () -> cases.register(aReport().item(item).in("D05", "S0501").build()));
    }

    private LocalDateTime warnAt(CaseDetails c) {
        return jdbc.queryForObject("select warn_at from case_file where id = ?", LocalDateTime.class, c.id());
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
