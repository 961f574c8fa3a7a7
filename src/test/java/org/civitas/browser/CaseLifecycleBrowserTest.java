package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The life of one case in a real browser, each step by the person who does it: the operator registers a call, the
 * system dispatches it to 武昌区 with its deadline, the district's clerk signs and replies, the supervisor accepts
 * the reply, the citizen tracks it on the public page and rates it, which closes it; every step is on the timeline.
 */
class CaseLifecycleBrowserTest extends BrowserTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void operator_registers_clerk_replies_supervisor_accepts_citizen_rates_every_step_on_the_timeline() {
        login("operator");
        open("cases/new");
        type("#intake-name input", "王女士");
        type("#intake-phone input", "13912345678");
        pick("#intake-district input", "武昌区");
        pick("#intake-street input", "中华路");
        type("#intake-address input", "中华路 88 号门前");
        type("#intake-description textarea", "商户长期占道经营，行人无法通行");
        pick("#intake-item input", "SR-04");
        waitForVisible(By.id("intake-save")).click();
        WebElement number = waitForVisible(By.id("intake-result-number"));
        String caseNumber = number.getText().trim();
        assertThat(caseNumber).matches("WM\\d{12}");
        assertThat(waitForVisible(By.id("intake-result-unit")).getText()).contains("武昌区");
        // the tracking code the operator reads back to the caller
        String trackingCode = waitForVisible(By.id("intake-result-code")).getText().trim();
        assertThat(trackingCode).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        screenshot("lifecycle-1-registered");
        long id = jdbc.queryForObject("select id from case_file where number = ?", Long.class, caseNumber);
        assertThat(jdbc.queryForObject("select lead_unit_code from case_file where id = ?", String.class, id))
                .isEqualTo("D05");
        waitForVisible(By.id("intake-result-close")).click();
        logout();

        login("clerk.wuchang");
        open("cases/" + id);
        act("SIGN", () -> { });
        act("REPLY", () -> {
            waitUntil(d -> d.findElements(By.cssSelector("vaadin-radio-button")).stream()
                    .filter(i -> i.getText().trim().equals("已解决")).findFirst().orElse(null)).click();
            type("vaadin-text-area textarea", "已劝离商户，恢复通行");
        });
        screenshot("lifecycle-2-replied");
        logout();

        login("supervisor");
        open("cases/" + id);
        act("ACCEPT_REPLY", () -> { });
        waitUntil(d -> timeline().contains("审核通过"));
        logout();

        // the citizen follows the case on the public page with the code and rates it: satisfied closes it
        open("public/track");
        type("#public-track-number input", caseNumber);
        type("#public-track-code input", trackingCode);
        waitForVisible(By.id("public-track-submit")).click();
        waitForVisible(By.id("public-rating"));
        assertThat(waitForVisible(By.id("public-track-result")).getText()).contains("已劝离商户，恢复通行")
                .doesNotContain("clerk.wuchang");
        choose("#public-rating-rating vaadin-radio-button", "满意");
        choose("#public-rating-solved vaadin-radio-button", "已解决");
        waitForVisible(By.id("public-rating-submit")).click();
        waitUntil(d -> d.findElements(By.id("public-rating")).isEmpty());
        screenshot("lifecycle-3-rated");
        assertThat(jdbc.queryForObject("select status from case_file where id = ?", String.class, id))
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select rating from case_file where id = ?", String.class, id))
                .isEqualTo("SATISFIED");

        login("supervisor");
        open("cases/" + id);
        waitUntil(d -> timeline().contains("办结"));
        assertThat(timeline()).containsSubsequence("登记", "分派", "签收", "答复", "审核通过", "回访评价", "办结");
        assertNoMissingTranslations();
        screenshot("lifecycle-4-closed");
    }

    private void choose(String css, String label) {
        waitUntil(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().trim().equals(label)).findFirst().orElse(null)).click();
        waitForVaadin();
    }

    /** Clicks the case action's button, fills its dialog and confirms; waits until the dialog has closed. */
    private void act(String action, Runnable fill) {
        waitForVisible(By.id("case-action-" + action)).click();
        waitForVisible(By.id("case-action-confirm"));
        fill.run();
        waitForVisible(By.id("case-action-confirm")).click();
        waitUntil(d -> d.findElements(By.id("case-action-confirm")).isEmpty());
        waitForVaadin();
    }

    private List<String> timeline() {
        return driver().findElements(By.cssSelector(".case-history-action")).stream().map(e -> e.getText().trim())
                .toList();
    }
}
