package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class UserServiceTest {

    @Autowired UserService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void an_admin_edit_writes_one_audit_row_with_before_and_after() {
        UserRow created = asAdmin(() -> users.create(form("edit" + System.nanoTime(), "旧名字", "Edit-Test-2026!")));
        asAdmin(() -> users.update(created.id(), created.version(),
                new UserForm(created.username(), "新名字", Set.of(AppRoles.UNIT_CLERK), "D05", null, true, null)));

        var rows = jdbc.queryForList("select actor, before_data, after_data from audit_log "
                + "where action = 'USER_UPDATED' and target_id = ?", String.valueOf(created.id()));
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("actor")).isEqualTo("admin");
        assertThat((String) row.get("before_data")).contains("旧名字").contains("OPERATOR").doesNotContain("新名字");
        assertThat((String) row.get("after_data")).contains("新名字").contains("UNIT_CLERK").contains("D05");
    }

    @Test
    void the_audit_row_never_holds_a_password_or_its_hash() {
        UserRow created = asAdmin(() -> users.create(form("pw" + System.nanoTime(), "Pw", "Secret-Pass-2026")));
        String after = jdbc.queryForObject("select after_data from audit_log where action = 'USER_CREATED' "
                + "and target_id = ?", String.class, String.valueOf(created.id()));
        assertThat(after).doesNotContain("Secret-Pass-2026").doesNotContain("$2a$");
    }

    @Test
    void a_weak_password_is_refused_and_nothing_is_stored() {
        String name = "weak" + System.nanoTime();
        assertThatThrownBy(() -> asAdmin(() -> users.create(form(name, "Weak", "short"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("password.tooShort"));
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, name))
                .isZero();
    }

    @Test
    void admin_and_auditor_cannot_be_one_person() {
        assertThatThrownBy(() -> asAdmin(() -> users.create(new UserForm("both" + System.nanoTime(), "Both",
                Set.of(AppRoles.ADMIN, AppRoles.AUDITOR), null, null, true, "Dual-Roles-2026"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("user.error.separationOfDuties"));
    }

    @Test
    void a_unit_clerk_needs_a_unit() {
        assertThatThrownBy(() -> asAdmin(() -> users.create(new UserForm("nounit" + System.nanoTime(), "No unit",
                Set.of(AppRoles.UNIT_CLERK), "", null, true, "Clerk-Alone-2026"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("user.error.clerkNeedsUnit"));
    }

    @Test
    void a_stale_edit_is_refused() {
        UserRow created = asAdmin(() -> users.create(form("stale" + System.nanoTime(), "Stale", "Edit-Twice-2026")));
        asAdmin(() -> users.update(created.id(), created.version(), new UserForm(created.username(), "First",
                created.roles(), null, null, true, null)));
        assertThatThrownBy(() -> asAdmin(() -> users.update(created.id(), created.version(),
                new UserForm(created.username(), "Second", created.roles(), null, null, true, null))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("error.concurrentChange"));
    }

    @Test
    void only_an_administrator_manages_users() {
        for (String role : AppRoles.ALL) {
            if (role.equals(AppRoles.ADMIN)) {
                continue;
            }
            assertThatThrownBy(() -> RunAs.user("someone", () -> users.create(form("x" + System.nanoTime(), "X",
                    "Denied-Pass-2026")), role)).as(role).isInstanceOf(AccessDeniedException.class);
        }
    }

    private static UserForm form(String username, String name, String password) {
        return new UserForm(username, name, Set.of(AppRoles.OPERATOR), null, null, true, password);
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return RunAs.user("admin", action, AppRoles.ADMIN);
    }
}
