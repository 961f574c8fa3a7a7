package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.civitas.audit.AuditFilter;
import org.civitas.audit.AuditService;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Password rotation and history, the forced first change, TOTP at login, and 三员分立, on the services. */
@IntegrationTest
class AccountsTest {

    static final String INITIAL = "Initial-Pass-2026";

    @Autowired UserService userAdmin;
    @Autowired AccountService account;
    @Autowired AuditService audit;
    @Autowired LoginSteps loginSteps;
    @Autowired UserDetailsService userDetails;
    @Autowired AccountPolicy policy;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired WebApplicationContext context;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        clock.reset();
        policy.setDemoRequireTotp(false);
        policy.setDemoForcePasswordChange(false);
    }

    @Test
    void a_user_created_by_an_administrator_must_change_the_password_at_the_first_login() {
        String name = create(AppRoles.OPERATOR);
        assertThat(stepsAtLogin(name)).containsExactly("STEP_PASSWORD");

        changePassword(INITIAL, "First-Own-Pass-2026");
        assertThat(authorities()).containsExactly("ROLE_OPERATOR");
        assertThat(stepsAtLogin(name)).as("changed once, not asked again").containsExactly("ROLE_OPERATOR");
    }

    @Test
    void a_password_reset_by_an_administrator_must_be_changed_again() {
        String name = createReady(AppRoles.OPERATOR);
        long id = id(name);
        asAdmin(() -> { userAdmin.resetPassword(id, "Reset-By-Admin-2026"); return null; });
        assertThat(stepsAtLogin(name)).containsExactly("STEP_PASSWORD");
    }

    @Test
    void an_expired_password_holds_back_every_role_until_it_is_changed() {
        String name = createReady(AppRoles.AUDITOR);
        clock.advance(Duration.ofDays(179));
        assertThat(stepsAtLogin(name)).as("day 179 of 180").containsExactly("ROLE_AUDITOR");
        clock.advance(Duration.ofDays(1));
        assertThat(stepsAtLogin(name)).as("day 180").containsExactly("STEP_PASSWORD");

        assertThatThrownBy(() -> audit.search(new AuditFilter(null, null, null, null), PageRequest.of(0, 1)))
                .as("the auditor's service refuses before the change").isInstanceOf(AccessDeniedException.class);
        changePassword(INITIAL, "Rotated-Pass-2026");
        assertThat(audit.search(new AuditFilter(name, "PASSWORD_CHANGED", null, null), PageRequest.of(0, 5))
                .getContent()).hasSize(1);
    }

    @Test
    void administrators_rotate_after_ninety_days() {
        String name = createReady(AppRoles.ADMIN);
        clock.advance(Duration.ofDays(89));
        assertThat(stepsAtLogin(name)).containsExactly("STEP_TOTP_ENROL");
        clock.advance(Duration.ofDays(1));
        assertThat(stepsAtLogin(name)).containsExactly("STEP_PASSWORD", "STEP_TOTP_ENROL");
        assertThat(loginSteps.pending()).contains(LoginStep.PASSWORD);
    }

    @Test
    void the_last_five_passwords_cannot_be_used_again() {
        String name = createReady(AppRoles.OPERATOR);
        stepsAtLogin(name);
        String[] passwords = {INITIAL, "Second-Pass-2026", "Third-Pass-2026!", "Fourth-Pass-2026", "Fifth-Pass-2026!",
                "Sixth-Pass-2026!"};
        for (int i = 1; i < passwords.length; i++) {
            changePassword(passwords[i - 1], passwords[i]);
        }
        // now: Sixth (current), Fifth, Fourth, Third, Second are the last five; INITIAL is the sixth back
        for (String recent : List.of("Sixth-Pass-2026!", "Second-Pass-2026", "Fourth-Pass-2026")) {
            assertThatThrownBy(() -> changePassword("Sixth-Pass-2026!", recent))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("account.error.reused"));
        }
        changePassword("Sixth-Pass-2026!", INITIAL);
        assertThatThrownBy(() -> changePassword(INITIAL, "too-simple"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("password.tooShort"));
        assertThatThrownBy(() -> changePassword("Wrong-Current-2026", "Seventh-Pass-2026"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("account.error.currentPassword"));
    }

    @Test
    void an_administrator_without_totp_must_enrol_and_a_leader_with_totp_must_give_a_code() {
        String name = createReady(AppRoles.LEADER);
        assertThat(stepsAtLogin(name)).containsExactly("STEP_TOTP_ENROL");
        TotpEnrolment enrolment = account.startTotpEnrolment();
        byte[] secret = Totp.fromBase32(enrolment.secretBase32());
        assertThat(jdbc.queryForObject("select totp_secret from app_user where username = ?", String.class, name))
                .as("encrypted at rest").doesNotContain(enrolment.secretBase32());
        assertThatThrownBy(() -> account.confirmTotp(wrong(secret)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("totp.error.code"));
        account.confirmTotp(code(secret, 0));
        assertThat(authorities()).containsExactly("ROLE_LEADER");

        clock.advance(Duration.ofSeconds(60));
        assertThat(stepsAtLogin(name)).containsExactly("STEP_TOTP");
        assertThatThrownBy(() -> account.verifyTotp(wrong(secret))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> account.verifyTotp(code(secret, -2))).as("a minute old").isInstanceOf(RuleViolation.class);
        assertThat(authorities()).containsExactly("STEP_TOTP");
        account.verifyTotp(code(secret, 0));
        assertThat(authorities()).containsExactly("ROLE_LEADER");

        assertThat(stepsAtLogin(name)).containsExactly("STEP_TOTP");
        assertThatThrownBy(() -> account.verifyTotp(code(secret, 0))).as("replayed in its window")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("totp.error.code"));
        clock.advance(Duration.ofSeconds(30));
        account.verifyTotp(code(secret, 0));
        assertThat(authorities()).containsExactly("ROLE_LEADER");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ? and action = 'TOTP_FAILED'",
                Integer.class, name)).isEqualTo(4);
    }

    @Test
    void the_demo_users_are_spared_only_while_the_demo_properties_say_so() {
        assertThat(stepsAtLogin("admin")).containsExactly("ROLE_ADMIN");
        policy.setDemoRequireTotp(true);
        assertThat(stepsAtLogin("admin")).containsExactly("STEP_TOTP_ENROL");
        policy.setDemoRequireTotp(false);
        clock.advance(Duration.ofDays(400));
        assertThat(stepsAtLogin("operator")).containsExactly("ROLE_OPERATOR");
        policy.setDemoForcePasswordChange(true);
        assertThat(stepsAtLogin("operator")).containsExactly("STEP_PASSWORD");
    }

    @Test
    void the_login_form_itself_holds_back_the_roles_of_an_expired_password() throws Exception {
        String name = createReady(AppRoles.OPERATOR);
        SecurityContextHolder.clearContext();
        clock.advance(Duration.ofDays(181));
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var result = mvc.perform(post("/login").param("username", name).param("password", INITIAL).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        SecurityContext stored = (SecurityContext) result.getRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(stored.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("STEP_PASSWORD");
    }

    @Test
    void a_logout_is_audited() throws Exception {
        String name = createReady(AppRoles.OPERATOR);
        SecurityContextHolder.clearContext();
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var login = mvc.perform(post("/login").param("username", name).param("password", INITIAL).with(csrf()))
                .andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession();
        mvc.perform(post("/logout").session(session).with(csrf())).andReturn();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ? and action = 'LOGOUT'",
                Integer.class, name)).isEqualTo(1);
    }

    @Test
    void administrator_security_administrator_and_auditor_are_three_people() {
        for (Set<String> roles : List.of(Set.of(AppRoles.ADMIN, AppRoles.AUDITOR),
                Set.of(AppRoles.ADMIN, AppRoles.SECURITY_ADMIN), Set.of(AppRoles.SECURITY_ADMIN, AppRoles.AUDITOR),
                Set.of(AppRoles.SECURITY_ADMIN, AppRoles.OPERATOR))) {
            String name = "sod" + System.nanoTime();
            assertThatThrownBy(() -> asAdmin(() -> userAdmin.create(new UserForm(name, "SoD", roles, null, null, true,
                    INITIAL)))).as(roles.toString())
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.key()).isEqualTo("user.error.separationOfDuties"));
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, name))
                    .isZero();
        }
        String secadmin = create(AppRoles.SECURITY_ADMIN);
        long id = id(secadmin);
        UserRow row = asAdmin(() -> userAdmin.search(secadmin, null, PageRequest.of(0, 1)).getContent().get(0));
        assertThatThrownBy(() -> asAdmin(() -> userAdmin.update(id, row.version(), new UserForm(secadmin, "SoD",
                Set.of(AppRoles.SECURITY_ADMIN, AppRoles.AUDITOR), null, null, true, null))))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_database_refuses_a_second_role_beside_an_administrator_role() {
        String admin = create(AppRoles.ADMIN);
        long id = id(admin);
        assertThatThrownBy(() -> jdbc.update("insert into app_user_role (user_id, role) values (?, 'AUDITOR')", id))
                .isInstanceOf(org.springframework.dao.DataAccessException.class)
                .hasMessageContaining("separation of duties");
        String operator = create(AppRoles.OPERATOR);
        long operatorId = id(operator);
        jdbc.update("insert into app_user_role (user_id, role) values (?, 'SUPERVISOR')", operatorId);
        assertThatThrownBy(() -> jdbc.update("insert into app_user_role (user_id, role) values (?, 'SECURITY_ADMIN')",
                operatorId)).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.queryForList("select role from app_user_role where user_id = ? order by role", String.class,
                operatorId)).containsExactly("OPERATOR", "SUPERVISOR");
    }

    @Test
    void the_security_administrator_resets_a_lost_totp_binding() {
        String name = createReady(AppRoles.LEADER);
        stepsAtLogin(name);
        TotpEnrolment enrolment = account.startTotpEnrolment();
        account.confirmTotp(code(Totp.fromBase32(enrolment.secretBase32()), 0));
        assertThat(stepsAtLogin(name)).containsExactly("STEP_TOTP");
        assertThatThrownBy(() -> account.startTotpEnrolment()).as("the password alone cannot bind another app")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("totp.error.verifyFirst"));
        assertThatThrownBy(() -> account.changePassword(INITIAL, "Taken-Over-Pass-2026"))
                .as("nor change the password").isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> RunAs.user("admin", () -> account.resetTotp(name), AppRoles.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        RunAs.user("secadmin", () -> account.resetTotp(name), AppRoles.SECURITY_ADMIN);
        assertThat(stepsAtLogin(name)).containsExactly("STEP_TOTP_ENROL");
    }

    // --- helpers

    /** A user as an administrator creates them: initial password, to be changed at the first login. */
    private String create(String role) {
        String name = "acct" + System.nanoTime();
        asAdmin(() -> userAdmin.create(new UserForm(name, "账户测试", Set.of(role), null, null, true, INITIAL)));
        return name;
    }

    /** A user who has changed the initial password (here: set directly), as of the clock's now. */
    private String createReady(String role) {
        String name = create(role);
        jdbc.update("update app_user set must_change_password = false, password_changed_at = ? where username = ?",
                LocalDateTime.now(clock), name);
        return name;
    }

    /** Logs in as the login form would (password already checked) and returns the session's authorities. */
    private List<String> stepsAtLogin(String username) {
        Authentication auth = loginSteps.afterPassword(userDetails.loadUserByUsername(username));
        SecurityContextHolder.getContext().setAuthentication(auth);
        return authorities();
    }

    private static List<String> authorities() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    private void changePassword(String current, String next) {
        account.changePassword(current, next);
    }

    private String code(byte[] secret, int stepsFromNow) {
        return Totp.code(secret, Totp.step(clock.instant()) + stepsFromNow, 6);
    }

    private String wrong(byte[] secret) {
        String right = code(secret, 0);
        return String.valueOf((Integer.parseInt(right) + 1) % 1_000_000 + 1_000_000).substring(1);
    }

    private long id(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private static <T> T asAdmin(Supplier<T> action) {
        return RunAs.user("admin", action, AppRoles.ADMIN);
    }
}
