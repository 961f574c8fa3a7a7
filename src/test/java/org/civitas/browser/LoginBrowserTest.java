package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** The Chinese login page, a refused login, and each role's landing page and side menu in a real browser. */
class LoginBrowserTest extends BrowserTest {

    /**
     * The side menu each demo user sees, in order: every view's {@code @Menu} (order, title key) that the user's roles
     * may open ({@code @RolesAllowed} / {@code @PermitAll}), as on main at 6a96def. Update this table when a view with
     * {@code @Menu} is added (e.g. 诉求工单 for the case roles, 受理登记 for operator and supervisor); the Karibu
     * twin is {@code org.civitas.app.ui.MenuByRoleTest.MENU}.
     */
    static final Map<String, List<String>> MENU = Map.of(
            "admin", List.of("工作台", "负面清单", "单位管理", "工作日历", "用户管理", "渠道接入", "智能分类模型"),
            "auditor", List.of("工作台", "审计日志"),
            "secadmin", List.of("工作台", "安全管理"),
            "operator", List.of("工作台", "受理登记", "诉求工单", "待分类"),
            "supervisor", List.of("工作台", "受理登记", "诉求工单", "待分类", "时限看板", "督办", "半月分析", "考核排名", "年度考核",
                    "实地检查", "整改通知", "负面清单", "评分规则", "智能分类模型"),
            "clerk.wuchang", List.of("工作台", "诉求工单", "时限看板", "督办", "整改通知"));

    /** Display names of the demo users (src/main/resources/demo/users.csv). */
    private static final Map<String, String> DISPLAY_NAMES = new HashMap<>();

    @BeforeAll
    static void readDemoUsers() throws IOException {
        try (Reader in = new InputStreamReader(LoginBrowserTest.class.getResourceAsStream("/demo/users.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                DISPLAY_NAMES.put(r.get("username"), r.get("display_name"));
            }
        }
    }

    @Test
    void the_login_page_is_in_chinese() {
        open("login");
        waitUntil(d -> d.getTitle().equals("登录 · Civitas 文明城市"));
        assertThat(waitForVisible(By.tagName("h1")).getText()).isEqualTo("文明城市负面清单管理平台");
        assertThat(loginShadow().findElement(By.cssSelector("[part=form-title]")).getText()).isEqualTo("登录");
        assertThat(submitButton().getText()).isEqualTo("登录");
        assertThat(driver().findElements(By.cssSelector("vaadin-login-form label")))
                .extracting(WebElement::getText).containsExactly("用户名", "密码");
        assertThat(driver().findElement(By.id("language-switch")).getText()).isEqualTo("English");
        assertThat(loginShadow().findElement(By.cssSelector("[part=error-message]")).isDisplayed()).isFalse();
        assertNoMissingTranslations();
        screenshot("login");
    }

    @Test
    void a_wrong_password_shows_the_chinese_error_and_stays_on_the_login_page() {
        // inspector: a user the other tests do not log in with (one failure is far from any wait)
        submitLogin("inspector", "Wrong-Password-2026");
        waitUntil(d -> d.getCurrentUrl().endsWith("/login?error"));
        waitForVaadin();
        WebElement error = waitUntil(d -> {
            WebElement e = loginShadow().findElement(By.cssSelector("[part=error-message]"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.findElement(By.cssSelector("[part=error-message-title]")).getText()).isEqualTo("登录失败");
        assertThat(error.findElement(By.cssSelector("[part=error-message-description]")).getText())
                .isEqualTo("用户名或密码不正确。多次输错后，需稍候片刻才能再试。");
        assertThat(driver().findElements(By.tagName("vaadin-app-layout"))).isEmpty();
        screenshot("login-error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "auditor", "secadmin", "operator", "supervisor", "clerk.wuchang"})
    void each_demo_user_lands_on_the_home_page_with_the_menu_of_their_role(String username) {
        login(username);
        waitUntil(d -> d.getTitle().equals("工作台 · Civitas 文明城市"));
        String name = DISPLAY_NAMES.get(username);
        assertThat(waitForVisible(By.id("current-user")).getText()).isEqualTo(name);
        assertThat(waitForVisible(By.tagName("h2")).getText()).isEqualTo("您好，" + name);
        assertThat(driver().findElements(By.cssSelector("#main-nav vaadin-side-nav-item")))
                .extracting(item -> item.getText().trim())
                .as("side menu of %s", username)
                .containsExactlyElementsOf(MENU.get(username));
        assertThat(driver().findElement(By.id("logout")).getText()).isEqualTo("退出登录");
        assertNoMissingTranslations();
        screenshot(username + "-home");

        logout();
        assertThat(driver().findElements(By.tagName("vaadin-app-layout"))).isEmpty();
    }

    private SearchContext loginShadow() {
        return waitForElement(By.tagName("vaadin-login-form-wrapper")).getShadowRoot();
    }
}
