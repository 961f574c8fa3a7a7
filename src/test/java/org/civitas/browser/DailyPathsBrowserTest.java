package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.scoring.ScoringService;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role's daily path on a 1,366 × 768 screen, in Chinese, the way a person goes: the operator registers a call and
 * finds it again in 诉求工单; a unit clerk finds a new case on the first screen of the inbox and signs it; the
 * supervisor opens an overdue case from 时限看板 and issues 督办; the leader downloads the month's bulletin. Each step
 * is named, so a failure says where the path broke.
 *
 * <p>Dates of their own: the overdue case is registered on 2024-05-13 (the clock is set back for it), the bulletin is
 * for 2038-05 (published with the clock in 2038-06). The browser tests share one database; no other test uses these.
 */
class DailyPathsBrowserTest extends BrowserTest {

    static final int WIDTH = 1366;
    static final int HEIGHT = 768;
    static final LocalDateTime OVERDUE_REGISTERED = LocalDateTime.of(2024, 5, 13, 10, 0);
    static final YearMonth BULLETIN_MONTH = YearMonth.of(2038, 5);

    /** Display names of the demo users (src/main/resources/demo/users.csv). */
    static final Map<String, String> NAMES = Map.of("operator", "12345受理员", "clerk.wuchang", "武昌区经办人",
            "supervisor", "市文明办督办员", "leader", "市领导");

    @Autowired CaseService cases;
    @Autowired ScoringService scoring;
    @Autowired MutableClock clock;

    /** The viewport, not the window, is 1,366 × 768: the window is grown by whatever the browser keeps for itself. */
    @BeforeEach
    void smallLaptopScreen() {
        driver().manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) js("return [window.innerWidth, window.innerHeight]");
        Dimension outer = driver().manage().window().getSize();
        driver().manage().window().setSize(new Dimension(outer.width + WIDTH - inner.get(0).intValue(),
                outer.height + HEIGHT - inner.get(1).intValue()));
        assertThat(js("return [window.innerWidth, window.innerHeight]")).as("viewport")
                .isEqualTo(List.of((long) WIDTH, (long) HEIGHT));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void operator_registers_a_call_sees_its_number_and_finds_it_again_in_the_inbox() {
        step("1 operator logs in", () -> login("operator"));
        step("2 opens 受理登记 from the menu", () -> {
            menu("受理登记");
            waitUntil(d -> d.getCurrentUrl().endsWith("/cases/new"));
        });
        step("3 fills in the call", () -> {
            type("#intake-name input", "刘先生");
            type("#intake-phone input", "13687654321");
            pick("#intake-district input", "江汉区");
            pick("#intake-street input", "花楼");
            type("#intake-address input", "花楼街 17 号对面");
            type("#intake-description textarea", "花楼街口路面大片油污，行人容易滑倒，已持续三天");
            pick("#intake-item input", "SR-02");
        });
        String number = step("4 saves and reads the number in the result dialog", () -> {
            waitForVisible(By.id("intake-save")).click();
            String n = waitForVisible(By.id("intake-result-number")).getText().trim();
            assertThat(n).as("case number in the result dialog").matches("WM\\d{12}");
            assertThat(waitForVisible(By.id("intake-result-unit")).getText()).as("unit in the result dialog")
                    .contains("江汉区");
            screenshot("daily-operator-1-registered");
            waitForVisible(By.id("intake-result-close")).click();
            waitUntil(d -> d.findElements(By.id("intake-result")).isEmpty());
            return n;
        });
        step("5 opens 诉求工单 and searches the number", () -> {
            menu("诉求工单");
            waitUntil(d -> d.getTitle().startsWith("诉求工单"));
            waitForVaadin();
            button("筛选").click();
            WebElement field = waitUntil(d -> (WebElement) js("""
                    return [...document.querySelectorAll('vaadin-text-field')]
                        .find(f => f.label === '工单编号' && f.offsetParent !== null) || null"""));
            WebElement input = field.findElement(By.tagName("input"));
            input.sendKeys(number, Keys.ENTER);
            waitForVaadin();
            // the panel covers the grid: 筛选 again closes it (Escape would clear the field first)
            button("筛选").click();
            waitUntil(d -> d.findElements(By.tagName("vaadin-popover-overlay")).stream().noneMatch(
                    WebElement::isDisplayed));
            waitForVaadin();
            waitUntil(d -> waitForVisible(By.id("inbox-total")).getText().equals("共 1 件"));
            screenshot("daily-operator-2-found");
        });
        step("6 opens the case from its row", () -> {
            gridCell(number).click();
            waitUntil(d -> d.getCurrentUrl().matches(".*/cases/\\d+$"));
            assertThat(waitForVisible(By.id("case-number")).getText()).isEqualTo(number);
            assertThat(waitForVisible(By.id("case-status")).getText()).isEqualTo("已派单");
            assertNoMissingTranslations();
            screenshot("daily-operator-3-case");
        });
    }

    @Test
    void clerk_finds_a_new_case_on_the_first_screen_of_the_inbox_signs_it_and_it_is_in_progress() {
        CaseDetails c = RunAs.user("operator", () -> cases.register(aReport().item("SR-01").in("D05", "S0501")
                .address("武昌区中山路 301 号").description("每日路径：中山路人行道垃圾堆积无人清运").build()), "OPERATOR");
        step("1 clerk logs in", () -> login("clerk.wuchang"));
        step("2 opens 诉求工单: the new case is on the first screen", () -> {
            menu("诉求工单");
            waitUntil(d -> d.getTitle().startsWith("诉求工单"));
            WebElement cell = gridCell(c.number());
            WebElement grid = waitForElement(By.tagName("vaadin-grid"));
            @SuppressWarnings("unchecked")
            Map<String, Object> where = (Map<String, Object>) js("""
                    const cell = arguments[0].getBoundingClientRect(), grid = arguments[1].getBoundingClientRect();
                    return {cellBottom: cell.bottom, gridBottom: grid.bottom, viewport: window.innerHeight,
                            scrolled: window.scrollY + arguments[1].$.table.scrollTop};""", cell, grid);
            double bottom = ((Number) where.get("cellBottom")).doubleValue();
            assertThat(((Number) where.get("scrolled")).doubleValue()).as("nothing scrolled").isZero();
            assertThat(bottom).as("the case's row ends inside the grid and the screen: %s", where)
                    .isLessThanOrEqualTo(((Number) where.get("gridBottom")).doubleValue())
                    .isLessThanOrEqualTo(((Number) where.get("viewport")).doubleValue());
            screenshot("daily-clerk-1-inbox");
        });
        step("3 opens the case from its row", () -> {
            gridCell(c.number()).click();
            waitUntil(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
            assertThat(waitForVisible(By.id("case-status")).getText()).isEqualTo("已派单");
        });
        step("4 signs it: the message says what happened", () -> {
            waitForVisible(By.id("case-action-SIGN")).click();
            waitForVisible(By.id("case-action-confirm")).click();
            waitUntil(d -> d.findElements(By.id("case-action-confirm")).isEmpty());
            waitUntil(d -> notifications().contains("已签收 " + c.number()) ? true : null);
            screenshot("daily-clerk-2-signed");
        });
        step("5 the case is 办理中 and the timeline shows who signed", () -> {
            waitUntil(d -> waitForVisible(By.id("case-status")).getText().equals("办理中"));
            assertThat(timelineWith("签收")).contains(NAMES.get("clerk.wuchang")).doesNotContain("clerk.wuchang");
            assertNoMissingTranslations();
        });
    }

    @Test
    void supervisor_opens_an_overdue_case_from_the_deadline_board_and_issues_supervision_under_their_name() {
        // registered and dispatched to 江岸区 in 2024, never signed: the most overdue case of the board
        clock.set(OVERDUE_REGISTERED);
        CaseDetails c = RunAs.user("operator", () -> cases.register(aReport().item("SR-04").in("D01", "S0101")
                .address("江岸区大智路 9 号").description("每日路径：大智路商户长期占道经营").build()), "OPERATOR");
        clock.reset();
        step("1 supervisor logs in", () -> login("supervisor"));
        step("2 opens 时限看板: the overdue list shows the case", () -> {
            menu("时限看板");
            waitUntil(d -> d.getTitle().startsWith("时限看板"));
            waitForVisible(By.id("board-overdue"));
            gridCell(c.number());
            screenshot("daily-supervisor-1-board");
        });
        step("3 opens the case by clicking its row", () -> {
            gridCell(c.number()).click();
            waitUntil(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
            assertThat(waitForVisible(By.id("case-number")).getText()).isEqualTo(c.number());
        });
        step("4 issues 督办 from the case", () -> {
            // below the case's sections: the supervisor scrolls down to 催办与督办
            WebElement issue = waitForVisible(By.id("supervision-issue"));
            js("arguments[0].scrollIntoView({block: 'center'})", issue);
            issue.click();
            WebElement reason = waitForVisible(By.cssSelector("vaadin-dialog-overlay vaadin-text-area textarea"));
            reason.sendKeys("超期一年以上未签收，请立即处置并书面说明原因");
            reason.sendKeys(Keys.TAB);
            waitForVaadin();
            waitForVisible(By.id("issue-save")).click();
            waitUntil(d -> d.findElements(By.id("issue-save")).isEmpty());
            waitUntil(d -> notifications().contains("已对 " + c.number() + " 发出督办") ? true : null);
        });
        step("5 the supervision list and the timeline show it under the supervisor's name", () -> {
            String name = NAMES.get("supervisor");
            waitUntil(d -> supervisionRows().contains(name) ? true : null);
            assertThat(supervisionRows()).contains("督办", "超期一年以上未签收").doesNotContain("supervisor");
            assertThat(timelineWith("督办")).contains(name).doesNotContain("supervisor");
            assertNoMissingTranslations();
            screenshot("daily-supervisor-2-supervised");
        });
    }

    @Test
    void leader_downloads_the_published_bulletin_which_names_the_month_and_the_publisher_by_name() throws Exception {
        clock.set(BULLETIN_MONTH.plusMonths(1).atDay(3).atTime(9, 30));
        RunAs.user("supervisor", () -> scoring.publish(BULLETIN_MONTH), "SUPERVISOR");
        clock.reset();
        step("1 leader logs in", () -> login("leader"));
        step("2 opens 考核排名 from the menu, then the published month", () -> {
            menu("考核排名");
            waitUntil(d -> d.getTitle().startsWith("考核排名"));
            // the picker offers the last three years; a month further off is opened by its address
            open("rankings?month=" + BULLETIN_MONTH);
            waitUntil(d -> bodyText().contains("由 " + NAMES.get("supervisor") + " 发布"));
            assertThat(bodyText()).doesNotContain("由 supervisor 发布");
            assertNoMissingTranslations();
            screenshot("daily-leader-1-rankings");
        });
        Path pdf = step("3 downloads the bulletin PDF", () -> {
            WebElement link = waitForVisible(By.id("rankings-pdf"));
            assertThat(link.getText()).isEqualTo("下载通报 PDF");
            link.click();
            // the file is named in Chinese too
            return downloaded("月度通报-" + BULLETIN_MONTH, ".pdf");
        });
        step("4 the PDF names the month and the publisher by name", () -> {
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(doc);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(text).contains("2038年5月", NAMES.get("supervisor")).doesNotContain("由 supervisor 发布")
                    .doesNotContain("supervisor");
        });
    }

    // ---- steps ----------------------------------------------------------------------------------------------------

    /** Runs one step of the path; a failure names the step. */
    private static void step(String name, Runnable step) {
        step(name, () -> {
            step.run();
            return null;
        });
    }

    private static <T> T step(String name, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (Throwable e) {
            throw new AssertionError("step " + name + " failed (at " + driver().getCurrentUrl() + "): "
                    + e.getMessage(), e);
        }
    }

    // ---- page helpers ---------------------------------------------------------------------------------------------

    /** Clicks the side menu's entry with this label. */
    private void menu(String label) {
        waitUntil(d -> d.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .filter(i -> i.getText().trim().equals(label)).findFirst().orElse(null)).click();
        waitForVaadin();
    }

    private WebElement button(String label) {
        return waitUntil(d -> d.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals(label)).findFirst().orElse(null));
    }

    /** The rendered grid cell that shows exactly {@code text}. */
    private WebElement gridCell(String text) {
        return waitUntil(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(e -> e.getText().trim().equals(text) && e.isDisplayed()).findFirst().orElse(null));
    }

    private String notifications() {
        return (String) js("return [...document.querySelectorAll('vaadin-notification-card')]"
                + ".map(c => c.innerText).join('\\n')");
    }

    private String bodyText() {
        return (String) js("return document.body.innerText");
    }

    /** The text of the timeline's entries whose action is {@code action}. */
    private String timelineWith(String action) {
        return String.join("\n", driver().findElements(By.cssSelector(".case-history-entry")).stream()
                .filter(e -> e.findElement(By.cssSelector(".case-history-action")).getText().trim().equals(action))
                .map(WebElement::getText).toList());
    }

    /** The cells of the case's supervision list. */
    private String supervisionRows() {
        return (String) js("return [...document.querySelectorAll('#case-supervision vaadin-grid-cell-content')]"
                + ".map(c => c.innerText).join('|')");
    }
}
