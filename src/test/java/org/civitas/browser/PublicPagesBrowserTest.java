package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The public pages over real HTTP, with no login: Spring Security lets the anonymous visitor through to the
 * {@code @AnonymousAllowed} routes (no redirect to the login page), on a phone-sized window, and the report goes
 * all the way to a case number that the tracking page then finds.
 */
class PublicPagesBrowserTest extends BrowserTest {

    @Test
    void an_anonymous_citizen_reports_on_a_phone_and_follows_the_case() {
        driver().manage().window().setSize(new Dimension(412, 915));
        try {
            open("login");
            waitForVisible(By.id("login-public-link")).click();
            waitUntil(d -> d.getCurrentUrl().endsWith("/public/report"));
            waitForVisible(By.id("public-layout"));
            waitForVaadin();
            assertThat(driver().findElements(By.tagName("vaadin-app-layout"))).isEmpty();
            assertThat(driver().findElements(By.id("main-nav"))).isEmpty();
            assertNoMissingTranslations();

            choose("public-district", "武昌区");
            type("#public-address input", "浏览器路 " + System.nanoTime() % 1_000_000 + " 号");
            type("#public-description textarea", "<script>alert(1)</script> 路边垃圾");
            type("#public-phone input", "13911112222");
            screenshot("public-report-phone");
            waitForVisible(By.id("public-submit")).click();

            String number = waitForVisible(By.id("public-case-number")).getText();
            assertThat(number).matches("WM\\d{12}");
            String code = waitForVisible(By.id("public-case-code")).getText();
            assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
            screenshot("public-report-done");

            open("public/track/" + number);
            assertThat(driver().getCurrentUrl()).endsWith("/public/track/" + number);
            // typed as a phone keyboard might: full-width, lower case, a trailing ideographic space
            type("#public-track-code input", fullWidth(code.toLowerCase()) + "\u3000");
            waitForVisible(By.id("public-track-submit")).click();
            assertThat(waitForVisible(By.id("public-case-status")).getText()).isEqualTo("待分派");
            assertThat(waitForVisible(By.id("public-case-description")).getText())
                    .isEqualTo("<script>alert(1)</script> 路边垃圾");
            assertNoMissingTranslations();
            screenshot("public-track-phone");
        } finally {
            driver().manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void the_back_office_still_sends_an_anonymous_visitor_to_the_login_page() {
        open("cases/new");
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
    }

    /** Picks a combo box option by its label and checks it was taken. */
    private void choose(String comboId, String label) {
        WebElement input = waitForVisible(By.cssSelector("#" + comboId + " input"));
        input.click();
        input.sendKeys(label);
        waitForVaadin();
        input.sendKeys(Keys.ENTER);
        waitForVaadin();
        assertThat(input.getDomProperty("value")).isEqualTo(label);
    }

    /** The full-width form of ASCII letters and digits (U+FF01 onwards), as a Chinese input method types them. */
    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        ascii.chars().forEach(c -> b.append((char) (c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c)));
        return b.toString();
    }
}
