package org.civitas.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.audit.ui.AuditLogView;
import org.civitas.app.ui.HomeView;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.LoginSteps;
import org.civitas.security.TotpCodes;
import org.civitas.security.UserForm;
import org.civitas.security.UserService;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The login steps in the UI: nothing else opens until the password is changed and the TOTP step is done. */
class AccountViewsTest extends KaribuTest {

    static final String INITIAL = "Initial-Pass-2026";

    @Autowired LoginSteps loginSteps;
    @Autowired UserService userAdmin;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_expired_password_sends_the_user_to_the_change_page_until_it_is_changed() {
        String name = user(AppRoles.AUDITOR);
        jdbc.update("update app_user set must_change_password = false, password_changed_at = ? where username = ?",
                LocalDateTime.now(clock).minusDays(181), name);
        loginThroughSteps(name);

        navigate("audit");
        assertThat(activeView()).isInstanceOf(PasswordChangeView.class);
        navigate("");
        assertThat(activeView()).isInstanceOf(PasswordChangeView.class);

        field(PasswordField.class, "password-current").setValue(INITIAL);
        field(PasswordField.class, "password-new").setValue("Changed-Pass-2026");
        field(PasswordField.class, "password-repeat").setValue("Changed-Pass-2026");
        _click(field(Button.class, "password-save"));
        assertThat(activeView()).isInstanceOf(HomeView.class);
        navigate("audit");
        assertThat(activeView()).isInstanceOf(AuditLogView.class);
    }

    @Test
    void an_initial_password_is_changed_at_the_first_login() {
        String name = user(AppRoles.OPERATOR);
        loginThroughSteps(name);
        navigate("cases");
        assertThat(activeView()).isInstanceOf(PasswordChangeView.class);
    }

    @Test
    void an_administrator_without_totp_is_sent_to_enrol_then_confirms_with_a_code() {
        String name = user(AppRoles.ADMIN);
        jdbc.update("update app_user set must_change_password = false where username = ?", name);
        loginThroughSteps(name);
        navigate("admin/users");
        assertThat(activeView()).isInstanceOf(TotpEnrolView.class);

        String secret = field(Span.class, "totp-secret").getText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(field(Span.class, "totp-uri").getText()).startsWith("otpauth://totp/Civitas:" + name + "?secret="
                + secret + "&");
        field(TextField.class, "totp-code").setValue(TotpCodes.now(secret, clock));
        _click(field(Button.class, "totp-confirm"));
        assertThat(activeView()).isInstanceOf(HomeView.class);
        navigate("admin/users");
        assertThat(activeView()).isInstanceOf(UsersView.class);

        // the next login asks for a code
        clock.advance(java.time.Duration.ofSeconds(30));
        loginThroughSteps(name);
        navigate("admin/users");
        assertThat(activeView()).isInstanceOf(TotpLoginView.class);
        field(TextField.class, "totp-code").setValue("000000".equals(TotpCodes.now(secret, clock)) ? "111111" : "000000");
        _click(field(Button.class, "totp-verify"));
        assertThat(activeView()).as("a wrong code keeps the step").isInstanceOf(TotpLoginView.class);
        field(TextField.class, "totp-code").setValue(TotpCodes.now(secret, clock));
        _click(field(Button.class, "totp-verify"));
        assertThat(activeView()).isInstanceOf(HomeView.class);
    }

    @Test
    void the_demo_administrator_logs_in_without_steps() {
        loginThroughSteps("admin");
        navigate("admin/users");
        assertThat(activeView()).isInstanceOf(UsersView.class);
    }

    @Test
    void the_own_account_pages_open_for_any_role_and_lead_back() {
        login("supervisor");
        navigate("account/sessions");
        assertThat(activeView()).isInstanceOf(SessionsView.class);
        navigate("account/password");
        assertThat(activeView()).isInstanceOf(PasswordChangeView.class);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("← 返回我的账户")).getHref())
                .isEqualTo("account/sessions");
    }

    @Test
    void the_security_administrator_opens_account_security_and_the_administrator_does_not() {
        login("secadmin");
        navigate("admin/security");
        assertThat(activeView()).isInstanceOf(SecurityAdminView.class);
        tearDownAndLogin("admin");
        navigate("admin/security");
        assertThat(activeView()).isNotInstanceOf(SecurityAdminView.class);
    }

    private void tearDownAndLogin(String username) {
        login(username);
    }

    private String user(String role) {
        String name = "view" + System.nanoTime();
        RunAs.user("admin", () -> userAdmin.create(new UserForm(name, "视图测试", Set.of(role), null, null, true,
                INITIAL)), AppRoles.ADMIN);
        return name;
    }

    /** Signs in as the login form does: the authentication holds only the open steps; roles follow it as it grows. */
    private void loginThroughSteps(String username) {
        Authentication auth = loginSteps.afterPassword(userDetails.loadUserByUsername(username));
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> currentAuthorities().contains("ROLE_" + role));
    }

    private static Set<String> currentAuthorities() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static <T extends com.vaadin.flow.component.Component> T field(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private static Object activeView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }
}
