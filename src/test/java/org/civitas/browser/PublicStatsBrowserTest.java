package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The public statistics page opens over HTTP without a login (Vaadin's security lets @AnonymousAllowed routes in). */
class PublicStatsBrowserTest extends BrowserTest {

    @Test
    void the_public_statistics_open_without_login() {
        open("public/stats");
        assertThat(waitForVisible(By.tagName("h1")).getText()).isEqualTo("文明城市创建公开统计");
        assertThat(driver().getCurrentUrl()).endsWith("/public/stats");
        assertThat(driver().findElements(By.tagName("vaadin-login-form"))).isEmpty();
        assertNoMissingTranslations();
    }
}
