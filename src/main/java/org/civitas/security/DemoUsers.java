package org.civitas.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
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

/** One demo user per role, on the embedded database only; the README lists them. */
@Component
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "civitas.demo.enabled", havingValue = "true")
@Order(10)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Demo@Civitas2026";

    record Demo(String username, String displayName, String role, String unitCode) {
    }

    static final List<Demo> USERS = List.of(
            new Demo("admin", "系统管理员", AppRoles.ADMIN, null),
            new Demo("auditor", "安全审计员", AppRoles.AUDITOR, null),
            new Demo("operator", "12345受理员", AppRoles.OPERATOR, null),
            new Demo("supervisor", "市文明办督办员", AppRoles.SUPERVISOR, null),
            new Demo("inspector", "督导组检查员", AppRoles.INSPECTOR, null),
            new Demo("leader", "市领导", AppRoles.LEADER, null),
            new Demo("clerk.jiangan", "江岸区经办人", AppRoles.UNIT_CLERK, "D01"),
            new Demo("clerk.wuchang", "武昌区经办人", AppRoles.UNIT_CLERK, "D05"),
            new Demo("clerk.chengguan", "市城管执法委经办人", AppRoles.UNIT_CLERK, "G01"));

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
        for (Demo demo : USERS) {
            if (!users.existsByUsername(demo.username())) {
                AppUser user = new AppUser(demo.username(), demo.displayName(), hash, LocalDateTime.now(clock));
                user.setRoles(Set.of(demo.role()));
                user.setUnitCode(demo.unitCode());
                users.save(user);
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} demo users (password {}): {}", created, PASSWORD,
                    USERS.stream().map(Demo::username).toList());
        }
    }
}
