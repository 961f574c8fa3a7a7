package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.NewRound;
import org.civitas.inspection.PlaceType;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Field work on a phone (390 × 844, touch): the inspector opens a round and records a finding with the classifier's
 * suggestion, the phone's position and a photo from the file input that opens the camera; a unit clerk signs a case
 * and replies with a photo. On every page and dialog nothing is wider than the screen (no sideways scrolling), the
 * text is readable and the buttons a thumb presses are touch-sized.
 *
 * <p>The phone is Chromium's device emulation (DevTools), and so is the position: the emulation is cleared after each
 * test, so the other browser tests keep their desktop window. The round and the case carry texts of their own.
 */
class FieldWorkPhoneBrowserTest extends BrowserTest {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;
    /** 武汉江滩 (Hankou riverside), as a phone would report it: more digits than the column keeps. */
    static final double LATITUDE = 30.5928491;
    static final double LONGITUDE = 114.3053932;
    static final String ROUND_TITLE = "手机巡查测试轮次（江岸区）";
    static final String ADDRESS = "江岸区胜利街 12 号手机巡查点";
    /** Lumo's touch size at phone width (the theme's --lumo-size-m), less a pixel for rounding. */
    static final double TOUCH_PX = 43;

    @Autowired InspectionService inspections;
    @Autowired CaseService cases;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @BeforeEach
    void phone() {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1,
                "mobile", true));
        cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        cdp("Emulation.setGeolocationOverride", Map.of("latitude", LATITUDE, "longitude", LONGITUDE,
                "accuracy", 18));
        cdp("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"), "origin", url("").replaceAll("/$", "")));
    }

    @AfterEach
    void desktopAgain() {
        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        cdp("Emulation.clearGeolocationOverride", Map.of());
        cdp("Browser.resetPermissions", Map.of());
    }

    @Test
    void inspector_records_a_finding_with_photo_and_position_on_a_phone_and_nothing_scrolls_sideways() throws IOException {
        LocalDate today = LocalDate.now(clock);
        RunAs.user("inspector", () -> inspections.createRound(new NewRound(ROUND_TITLE, today, today.plusDays(6),
                "督导组", Set.of("D01"), Set.of(PlaceType.COMMUNITY), null)), "INSPECTOR");
        Path photo = photo("finding");

        login("inspector");
        open("inspections");
        assertThat(js("return window.innerWidth")).as("emulated phone").isEqualTo((long) WIDTH);
        assertFitsThePhone("rounds");
        gridCell(ROUND_TITLE).click();
        WebElement record = waitForVisible(By.id("inspection-record-finding"));
        assertFitsThePhone("round");
        assertTouchSized(record);
        screenshot("phone-inspector-1-round");

        record.click();
        WebElement note = waitForVisible(By.cssSelector("#finding-note textarea"));
        note.click();
        note.sendKeys("楼下烧烤摊天天晚上烟熏火燎的");
        waitUntil(d -> d.findElement(By.id("intake-suggestion-1")).getText().contains("HJ-01"));
        waitForVisible(By.id("intake-suggestion-1")).click();
        waitForVaadin();
        assertThat(waitForElement(By.cssSelector("#finding-item input")).getAttribute("value")).contains("HJ-01");
        pick("#finding-place-type input", "社区");
        pick("#finding-district input", "江岸区");
        type("#finding-address input", ADDRESS);

        waitForVisible(By.id("finding-locate")).click();
        waitUntil(d -> d.findElement(By.id("finding-position")).getText().contains("30.592849"));
        assertThat(waitForVisible(By.id("finding-position")).getText()).contains("114.305393", "18");

        WebElement upload = waitForElement(By.id("finding-photos"));
        WebElement input = fileInput(upload);
        assertThat(input.getAttribute("capture")).as("opens the rear camera").isEqualTo("environment");
        assertThat(input.getAttribute("accept")).contains("image/jpeg");
        input.sendKeys(photo.toString());
        waitUntilUploaded("finding-photos");
        assertFitsThePhone("finding dialog");
        assertTouchSized(waitForVisible(By.id("finding-save")));
        assertTouchSized(waitForVisible(By.id("finding-locate")));
        screenshot("phone-inspector-2-finding");

        waitForVisible(By.id("finding-save")).click();
        waitUntil(d -> d.findElements(By.id("finding-save")).isEmpty());
        waitForVaadin();
        Map<String, Object> saved = jdbc.queryForMap("""
                select f.item_code, f.latitude, f.longitude, f.position_accuracy_m,
                  (select count(*) from inspection_photo p where p.owner_kind = 'FINDING' and p.owner_id = f.id) photos
                from inspection_finding f where f.address = ?""", ADDRESS);
        assertThat(saved.get("item_code")).isEqualTo("HJ-01");
        assertThat((BigDecimal) saved.get("latitude")).isEqualByComparingTo("30.592849");
        assertThat((BigDecimal) saved.get("longitude")).isEqualByComparingTo("114.305393");
        assertThat(((Number) saved.get("position_accuracy_m")).intValue()).isEqualTo(18);
        assertThat(((Number) saved.get("photos")).intValue()).isEqualTo(1);
        gridCell("HJ-01 餐饮油烟扰民");
        assertFitsThePhone("round with the new finding");
        assertNoMissingTranslations();
        screenshot("phone-inspector-3-saved");
    }

    @Test
    void clerk_signs_and_replies_with_a_photo_on_a_phone_and_nothing_scrolls_sideways() throws IOException {
        CaseDetails c = RunAs.user("operator", () -> cases.register(aReport().item("SR-04").in("D01", "S0101")
                .address("江岸区胜利街 30 号").description("手机答复测试：商户占道经营，人行道无法通行").build()),
                "OPERATOR");
        Path photo = photo("reply");

        login("clerk.jiangan");
        open("cases/" + c.id());
        waitForVisible(By.id("case-action-SIGN"));
        assertFitsThePhone("case");
        assertTouchSized(waitForVisible(By.id("case-action-SIGN")));
        screenshot("phone-clerk-1-case");
        act("SIGN", () -> { });

        waitForVisible(By.id("case-action-REPLY")).click();
        waitForVisible(By.id("case-action-confirm"));
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-radio-button")).stream()
                .filter(i -> i.getText().trim().equals("已解决")).findFirst().orElse(null)).click();
        type("vaadin-dialog-overlay vaadin-text-area textarea", "已劝离商户，恢复通行（手机答复）");
        WebElement input = fileInput(waitForElement(By.id("case-photos-upload")));
        assertThat(input.getAttribute("capture")).as("opens the rear camera").isEqualTo("environment");
        input.sendKeys(photo.toString());
        waitUntilUploaded("case-photos-upload");
        assertFitsThePhone("reply dialog");
        assertTouchSized(waitForVisible(By.id("case-action-confirm")));
        screenshot("phone-clerk-2-reply");
        waitForVisible(By.id("case-action-confirm")).click();
        waitUntil(d -> d.findElements(By.id("case-action-confirm")).isEmpty());
        waitForVaadin();

        waitUntil(d -> waitForVisible(By.id("case-status")).getText().equals("已答复"));
        assertThat(jdbc.queryForObject("select count(*) from case_photo where case_id = ?", Integer.class, c.id()))
                .isEqualTo(1);
        assertFitsThePhone("replied case");
        assertNoMissingTranslations();
        screenshot("phone-clerk-3-replied");
    }

    @Test
    void the_menu_opens_over_the_page_and_closes_after_choosing_on_a_phone() {
        login("inspector");
        WebElement toggle = waitForVisible(By.tagName("vaadin-drawer-toggle"));
        assertThat(js("return document.querySelector('vaadin-app-layout').hasAttribute('overlay')")).isEqualTo(true);
        assertFitsThePhone("home");
        toggle.click();
        WebElement entry = waitUntil(d -> d.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().trim().equals("实地检查")).findFirst().orElse(null));
        assertTouchSized(entry);
        screenshot("phone-inspector-0-menu");
        entry.click();
        waitUntil(d -> d.getCurrentUrl().contains("/inspections"));
        waitUntil(d -> Boolean.FALSE.equals(js("return document.querySelector('vaadin-app-layout').drawerOpened")));
        assertFitsThePhone("rounds from the menu");
    }

    // ---- checks ---------------------------------------------------------------------------------------------------

    /**
     * No sideways scrolling: the document is no wider than the screen, and no visible element (inside components'
     * shadow trees too, where a grid's rows live) is wider than the screen or reaches past its right edge. Text is at
     * least 12 px.
     */
    private void assertFitsThePhone(String page) {
        waitForVaadin();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js("""
                const w = window.innerWidth, wide = [], small = [];
                const visit = root => {
                  for (const el of root.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
                    const shown = r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.opacity !== '0'
                      && !el.closest('[hidden]') && !el.classList.contains('v-status-message')
                      && !el.closest('.v-status-message');
                    if (shown && (r.width > w + 0.5 || r.right > w + 0.5)) {
                      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + Math.round(r.left)
                        + '..' + Math.round(r.right));
                    }
                    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                    if (shown && text && parseFloat(cs.fontSize) < 12) {
                      small.push(el.tagName.toLowerCase() + ' ' + cs.fontSize);
                    }
                    if (el.shadowRoot) visit(el.shadowRoot);
                  }
                };
                visit(document);
                return {scrollWidth: document.documentElement.scrollWidth, innerWidth: w, wide: wide.slice(0, 10),
                        small: small.slice(0, 10)};""");
        assertThat(((Number) m.get("scrollWidth")).intValue()).as("%s: document width %s", page, m)
                .isLessThanOrEqualTo(((Number) m.get("innerWidth")).intValue());
        assertThat((List<?>) m.get("wide")).as("%s: elements wider than the phone", page).isEmpty();
        assertThat((List<?>) m.get("small")).as("%s: text smaller than 12 px", page).isEmpty();
    }

    private void assertTouchSized(WebElement button) {
        Number height = (Number) js("return arguments[0].getBoundingClientRect().height", button);
        assertThat(height.doubleValue()).as("%s is touch-sized", button.getText()).isGreaterThanOrEqualTo(TOUCH_PX);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void cdp(String command, Map<String, Object> parameters) {
        ((ChromeDriver) driver()).executeCdpCommand(command, parameters);
    }

    /** The upload's own file input (in its shadow tree): what a phone's camera hands the picture to. */
    private WebElement fileInput(WebElement upload) {
        return (WebElement) js("return arguments[0].shadowRoot.querySelector('input[type=file]')", upload);
    }

    private void waitUntilUploaded(String uploadId) {
        waitUntil(d -> Boolean.TRUE.equals(js("const f = document.getElementById(arguments[0]).files;"
                + "return f.length === 1 && f.every(x => x.complete);", uploadId)));
        waitForVaadin();
    }

    private Path photo(String name) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xCC3333);
        Path file = Files.createDirectories(Path.of("target", "phone-photos")).resolve(name + ".png").toAbsolutePath();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** The rendered grid cell that shows exactly {@code text}. */
    private WebElement gridCell(String text) {
        return waitUntil(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(e -> e.getText().trim().equals(text) && e.isDisplayed()).findFirst().orElse(null));
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
}
