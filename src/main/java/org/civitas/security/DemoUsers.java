package org.civitas.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.civitas.base.db.ConditionalOnEmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One demo user per role (two district clerks and a department clerk), on the embedded database only. */
@Component
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "civitas.demo.enabled", havingValue = "true")
@Order(10)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Demo@Civitas2026";

    static final String USERS_CSV = "/demo/users.csv";

    record Demo(String username, String displayName, String role, String unitCode) {
    }

    static List<Demo> users() {
        try (Reader in = new InputStreamReader(DemoUsers.class.getResourceAsStream(USERS_CSV), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(r -> new Demo(r.get("username"), r.get("display_name"), r.get("role"),
                            r.get("unit_code").isBlank() ? null : r.get("unit_code")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoUsers(AppUserRepository users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String hash = encoder.encode(PASSWORD);
        int created = 0;
        List<Demo> demos = users();
        for (Demo demo : demos) {
            if (!users.existsByUsername(demo.username())) {
                AppUser user = new AppUser(demo.username(), demo.displayName(), hash, LocalDateTime.now(clock));
                user.setRoles(Set.of(demo.role()));
                user.setUnitCode(demo.unitCode());
                user.markDemo();
                users.save(user);
                created++;
            } else {
                // databases older than V80: the demo users made then are demo users too
                users.findByUsername(demo.username()).ifPresent(AppUser::markDemo);
            }
        }
        if (created > 0) {
            log.info("Created {} demo users (password {}): {}", created, PASSWORD,
                    demos.stream().map(Demo::username).toList());
        }
    }
}
