package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * In a real browser the suggestions follow the typing itself (the debounced input events, before the field is left),
 * and Alt+1 takes the first one into the item field.
 */
class IntakeSuggestionsBrowserTest extends BrowserTest {

    @Test
    void typing_the_barbecue_complaint_shows_the_cooking_fumes_item_first_and_alt_1_picks_it() {
        login("operator");
        open("cases/new");
        WebElement description = waitForVisible(By.cssSelector("#intake-description textarea"));
        description.click();
        description.sendKeys("楼下烧烤摊天天晚上烟熏火燎的");

        WebElement first = waitForVisible(By.id("intake-suggestion-1"));
        waitUntil(d -> d.findElement(By.id("intake-suggestion-1")).getText().contains("HJ-01"));
        assertThat(first.getText()).contains("餐饮油烟扰民", "烧烤");
        screenshot("intake-suggestions");

        description.sendKeys(Keys.chord(Keys.ALT, "1"));
        waitForVaadin();

        waitUntil(d -> String.valueOf(d.findElement(By.cssSelector("#intake-item input")).getAttribute("value"))
                .contains("HJ-01"));
        assertNoMissingTranslations();
    }
}
