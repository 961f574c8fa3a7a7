package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The pages with the most script (charts drawn through executeJs, the citizen's position) run under the
 * Content-Security-Policy with nothing refused, and the policy is really in force: a script without the nonce is.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    @Test
    void the_home_dashboard_and_the_analysis_draw_their_charts_with_nothing_refused() {
        cspViolations();
        login("supervisor");
        waitForElement(By.cssSelector("div.echart canvas"));
        open("analysis");
        waitForElement(By.cssSelector("div.echart canvas"));
        waitForVaadin();
        assertThat(cspViolations()).isEmpty();
        assertAForeignScriptIsRefused();
    }

    @Test
    void the_public_report_page_runs_with_nothing_refused_and_may_ask_for_the_position() {
        cspViolations();
        open("public/report");
        waitForVisible(By.id("public-locate"));
        assertThat(cspViolations()).isEmpty();
        assertThat(allows("geolocation")).isTrue();
        assertThat(allows("camera")).isFalse();
        assertAForeignScriptIsRefused();
    }

    @Test
    void the_login_page_runs_with_nothing_refused_and_may_not_ask_for_the_position() {
        cspViolations();
        open("login");
        waitForVisible(By.cssSelector("vaadin-login-form input[name=username]"));
        assertThat(cspViolations()).isEmpty();
        assertThat(allows("geolocation")).isFalse();
        // the citizens' link loads the report page as a new document, which may ask
        waitForVisible(By.id("login-public-link")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/public/report"));
        waitForVisible(By.id("public-locate"));
        assertThat(allows("geolocation")).isTrue();
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void the_channel_api_viewer_runs_under_its_own_policy_with_nothing_refused() {
        cspViolations();
        driver().get(url("swagger-ui/index.html"));
        waitForElement(By.cssSelector(".swagger-ui .info .title"));
        waitForElement(By.cssSelector(".swagger-ui .opblock"));
        assertThat(cspViolations()).isEmpty();
    }

    /** An inline script without the nonce does not run, and the console says so (the log is really read). */
    private void assertAForeignScriptIsRefused() {
        Object ran = js("""
                const s = document.createElement('script');
                s.textContent = 'window.cspProbe = true';
                document.head.appendChild(s);
                return window.cspProbe === true;
                """);
        assertThat(ran).isEqualTo(false);
        List<String> refused = waitUntil(d -> {
            List<String> logged = cspViolations();
            return logged.isEmpty() ? null : logged;
        });
        assertThat(refused).singleElement().asString().contains("inline script");
    }

    private boolean allows(String feature) {
        return (Boolean) js("return document.featurePolicy.allowsFeature(arguments[0])", feature);
    }

    /** The console's CSP messages since the last call (reading empties the log). */
    private static List<String> cspViolations() {
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }
}
