package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.TotpCodes;
import org.civitas.security.UserForm;
import org.civitas.security.UserService;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The login steps in a real browser: the initial password first, then a leader's TOTP enrolment and code. */
class AccountStepsBrowserTest extends BrowserTest {

    static final String INITIAL = "Initial-Pass-2026";

    @Autowired UserService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_new_user_changes_the_initial_password_before_anything_else_opens() {
        String name = create(AppRoles.OPERATOR);
        submitLogin(name, INITIAL);
        waitUntil(d -> d.getCurrentUrl().endsWith("/account/password"));
        open("cases");
        waitUntil(d -> d.getCurrentUrl().endsWith("/account/password"));
        assertThat(driver().findElements(By.tagName("vaadin-app-layout"))).isEmpty();
        assertNoMissingTranslations();
        screenshot("account-password-forced");

        typeInto("password-current", INITIAL);
        typeInto("password-new", "Own-Password-2026");
        typeInto("password-repeat", "Own-Password-2026");
        waitForVisible(By.id("password-save")).click();
        waitForElement(By.tagName("vaadin-app-layout"));
        open("cases");
        waitUntil(d -> d.getTitle().startsWith("诉求工单"));
        assertThat(driver().getCurrentUrl()).endsWith("/cases");

        // the own session, as the container and the login filter saw it
        waitForVisible(By.id("current-user")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/account/sessions"));
        waitForVaadin();
        String grid = (String) js("return Array.from(document.querySelectorAll('#my-sessions vaadin-grid-cell-content'))"
                + ".map(c => c.innerText).join('|')");
        assertThat(grid).contains("当前会话").containsPattern("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1").contains("Chrome");
        assertNoMissingTranslations();
        screenshot("account-sessions");
    }

    @Test
    void a_leader_enrols_totp_at_the_first_login_and_gives_a_code_at_the_next() {
        String name = create(AppRoles.LEADER);
        jdbc.update("update app_user set must_change_password = false where username = ?", name);
        submitLogin(name, INITIAL);
        waitUntil(d -> d.getCurrentUrl().endsWith("/account/totp"));
        String secret = waitForVisible(By.id("totp-secret")).getText();
        assertThat(driver().findElement(By.id("totp-uri")).getText()).startsWith("otpauth://totp/Civitas:" + name);
        assertNoMissingTranslations();
        screenshot("account-totp-enrol");
        typeInto("totp-code", TotpCodes.now(secret, clock));
        waitForVisible(By.id("totp-confirm")).click();
        waitForElement(By.tagName("vaadin-app-layout"));
        logout();

        clock.advance(Duration.ofSeconds(30));
        submitLogin(name, INITIAL);
        waitUntil(d -> d.getCurrentUrl().endsWith("/login/totp"));
        open("");
        waitUntil(d -> d.getCurrentUrl().endsWith("/login/totp"));
        typeInto("totp-code", TotpCodes.now(secret, clock));
        waitForVisible(By.id("totp-verify")).click();
        waitForElement(By.tagName("vaadin-app-layout"));
        waitUntil(d -> d.getTitle().startsWith("工作台"));
    }

    private void typeInto(String id, String text) {
        WebElement input = waitForVisible(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(text);
        waitForVaadin();
    }

    private String create(String role) {
        String name = "brw" + System.nanoTime();
        RunAs.user("admin", () -> users.create(new UserForm(name, "浏览器测试", Set.of(role), null, null, true, INITIAL)),
                AppRoles.ADMIN);
        return name;
    }
}
