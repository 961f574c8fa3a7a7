package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Rates and exports of the half-monthly analysis on a hand-computed fixture in March 2032 (no other test uses it):
 * the first half holds six counted cases of street S0101 and one invalid case, the previous half one case.
 */
@IntegrationTest
class AnalysisServiceTest {

    static final HalfMonth PERIOD = new HalfMonth(YearMonth.of(2032, 3), false);
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired AnalysisService analysis;
    @Autowired CaseDaily daily;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @BeforeEach
    void fixture() {
        clock.set(LocalDateTime.of(2032, 4, 10, 9, 0));
        jdbc.update("delete from case_file where received_at >= '2032-02-16' and received_at < '2032-03-16'"
                + " and created_by = 'analysis-test'");
        // status, signed on time, replied on time, rating, solved, handling due, address
        add(3, "CLOSED", true, true, "SATISFIED", true, null, "沿江大道1号");
        add(4, "CLOSED", true, false, "BASICALLY_SATISFIED", false, null, "沿江大道1号");
        add(5, "REPLIED", false, true, "DISSATISFIED", true, null, "胜利街2号");
        add(6, "REPLIED", true, true, null, null, null, "胜利街3号");
        // open and overdue at the period's end: in the on-time denominator
        add(7, "IN_PROGRESS", true, null, null, null, LocalDateTime.of(2032, 3, 10, 18, 0), "胜利街4号");
        // open, due after the period's end (though overdue now): not in the denominator
        add(8, "DISPATCHED", null, null, null, null, LocalDateTime.of(2032, 3, 20, 18, 0), "胜利街5号");
        add(9, "INVALID", null, null, null, null, null, "沿江大道1号");
        // the previous half month
        addAt(LocalDateTime.of(2032, 2, 20, 10, 0), "CLOSED", true, true, "SATISFIED", true, null, "胜利街6号");
        daily.refresh(LocalDate.of(2032, 2, 16), LocalDate.of(2032, 3, 15));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void add(int day, String status, Boolean signedOnTime, Boolean repliedOnTime, String rating,
                     Boolean solved, LocalDateTime due, String address) {
        addAt(LocalDateTime.of(2032, 3, day, 10, 0), status, signedOnTime, repliedOnTime, rating, solved, due,
                address);
    }

    private void addAt(LocalDateTime at, String status, Boolean signedOnTime, Boolean repliedOnTime, String rating,
                       Boolean solved, LocalDateTime due, String address) {
        jdbc.update("""
                insert into case_file (number, channel, received_at, district_code, street_code, address, description,
                       item_code, category_code, lead_unit_code, status, signed_on_time, replied_on_time, rating,
                       solved, handle_due_at, created_by)
                values (?, 'HOTLINE_12345', ?, 'D01', 'S0101', ?, '测试', 'ZZ-99', 'ZZ', 'D01', ?, ?, ?, ?, ?, ?,
                        'analysis-test')""",
                "AN" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet(), at, address, status, signedOnTime,
                repliedOnTime, rating, solved, due);
    }

    private Analysis analyse() {
        return RunAs.user("supervisor", () -> analysis.analyse(PERIOD), AppRoles.SUPERVISOR);
    }

    @Test
    void rates_follow_the_12345_definitions() {
        Analysis a = analyse();
        Rates r = a.rates();
        assertThat(r.received()).isEqualTo(6);
        assertThat(r.signRate()).isCloseTo(4.0 / 5, within(1e-9));      // 5 signed, 4 on time
        assertThat(r.replied()).isEqualTo(4);
        assertThat(r.openOverdue()).isEqualTo(1);
        assertThat(r.onTimeRate()).isCloseTo(3.0 / 5, within(1e-9));    // 3 on time ÷ (4 replied + 1 open overdue)
        assertThat(r.satisfactionRate()).isCloseTo(2.0 / 3, within(1e-9)); // not rated left out
        assertThat(r.solvedRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.previousRates().received()).isEqualTo(1);
        assertThat(a.previousRates().onTimeRate()).isEqualTo(1.0);

        assertThat(a.districts()).filteredOn(v -> v.code().equals("D01")).singleElement()
                .satisfies(v -> assertThat(v.count()).isGreaterThanOrEqualTo(6));
        assertThat(a.items()).filteredOn(v -> v.code().equals("ZZ-99")).singleElement().satisfies(v -> {
            assertThat(v.count()).isEqualTo(6);
            assertThat(v.previous()).isEqualTo(1);
            assertThat(v.change()).isEqualTo(5.0);
        });
        assertThat(a.addressHotSpots()).filteredOn(h -> h.place().equals("沿江大道1号")).singleElement()
                .satisfies(h -> assertThat(h.count()).isEqualTo(2)); // the invalid third report is left out
        // the ranked hot spots (DD070): 胜利街2–5号 are one road of street S0101 for item ZZ-99 (no coordinates);
        // 4 cases + 2 × 1 dissatisfied + 3 × 1 overdue at the period's end + a rise of 3 (4 in the last 14 days
        // against the previous half's 胜利街6号 in the 14 before)
        assertThat(a.hotSpots()).filteredOn(h -> h.place().equals("胜利街") && h.itemCode().equals("ZZ-99"))
                .singleElement().satisfies(h -> {
                    assertThat(h.count()).isEqualTo(4);
                    assertThat(h.dissatisfied()).isEqualTo(1);
                    assertThat(h.overdue()).isEqualTo(1);
                    assertThat(h.rising()).isEqualTo(3);
                    assertThat(h.score()).isEqualTo(12);
                    assertThat(h.streetName()).isEqualTo("江岸区大智街道");
                    assertThat(h.cell()).isFalse();
                });
        assertThat(a.hotSpots()).filteredOn(h -> h.place().equals("沿江大道")).singleElement()
                .satisfies(h -> assertThat(h.count()).isEqualTo(2)); // the invalid third report is left out
    }

    @Test
    void a_change_to_a_case_marks_its_day_and_the_next_analysis_counts_it() {
        jdbc.update("update case_file set rating = 'SATISFIED' where created_by = 'analysis-test'"
                + " and address = '胜利街3号'");
        jdbc.update("insert ignore into case_daily_dirty (day) values ('2032-03-06')"); // what the CaseChanged listener does
        Rates r = analyse().rates();
        assertThat(r.rated()).isEqualTo(4);
        assertThat(r.satisfactionRate()).isEqualTo(0.75);
    }

    @Test
    void only_supervisors_and_leaders_see_it() {
        assertThatThrownBy(() -> RunAs.user("operator", () -> analysis.analyse(PERIOD), AppRoles.OPERATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(RunAs.user("leader", () -> analysis.analyse(PERIOD), AppRoles.LEADER).rates().received())
                .isEqualTo(6);
    }

    @Test
    void the_pdf_holds_the_chinese_headings_and_the_figures_and_is_audited() throws Exception {
        long before = audits("ANALYSIS_PDF_DOWNLOADED");
        byte[] pdf = RunAs.user("leader", () -> analysis.pdf(PERIOD, ZH), AppRoles.LEADER);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("文明城市负面清单半月分析（2032-03-01 至 2032-03-15）",
                    "对比时段：2032-02-16 至 2032-02-29", "办理情况", "按时办结率 60.00% 100.00%",
                    "签收及时率 80.00% 100.00%", "满意率 66.67% 100.00%", "解决率 66.67% 100.00%",
                    "按区县", "江岸区", "按问题事项", "ZZ-99 6 1 +500.00%",
                    "需重点整治的集中问题", "胜利街 ZZ-99 4 12", "按受理渠道", "12345热线");
        }
        assertThat(audits("ANALYSIS_PDF_DOWNLOADED")).isEqualTo(before + 1);
    }

    @Test
    void the_excel_holds_the_same_figures_as_the_service() throws Exception {
        Analysis a = analyse();
        long before = audits("ANALYSIS_EXCEL_DOWNLOADED");
        byte[] xlsx = RunAs.user("supervisor", () -> analysis.excel(PERIOD, ZH), AppRoles.SUPERVISOR);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet rates = book.getSheet("办理情况");
            assertThat(rates.getRow(0).getCell(1).getStringCellValue()).isEqualTo("本期");
            assertThat(rates.getRow(2).getCell(0).getStringCellValue()).isEqualTo("按时办结率");
            assertThat(rates.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(a.rates().onTimeRate());
            assertThat(rates.getRow(2).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(rates.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(a.rates().satisfactionRate());
            assertThat(rates.getPaneInformation().isFreezePane()).isTrue();
            Sheet counts = book.getSheet("案件数量");
            assertThat(counts.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(6.0);
            assertThat(counts.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(1.0); // open overdue
            Sheet items = book.getSheet("按问题事项");
            boolean found = false;
            for (int i = 1; i <= items.getLastRowNum(); i++) {
                if (items.getRow(i).getCell(0).getStringCellValue().equals("ZZ-99")) {
                    assertThat(items.getRow(i).getCell(1).getNumericCellValue()).isEqualTo(6.0);
                    assertThat(items.getRow(i).getCell(2).getNumericCellValue()).isEqualTo(1.0);
                    assertThat(items.getRow(i).getCell(3).getNumericCellValue()).isEqualTo(5.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(((XSSFSheet) book.getSheet("按区县")).getDrawingPatriarch().getCharts()).hasSize(1);
            Sheet spots = book.getSheet("需重点整治的集中问题");
            boolean spot = false;
            for (int i = 1; i <= spots.getLastRowNum(); i++) {
                if (spots.getRow(i).getCell(2).getStringCellValue().equals("胜利街")) {
                    assertThat(spots.getRow(i).getCell(4).getNumericCellValue()).isEqualTo(4.0);  // cases
                    assertThat(spots.getRow(i).getCell(9).getNumericCellValue()).isEqualTo(12.0); // score
                    spot = true;
                }
            }
            assertThat(spot).isTrue();
            assertThat(book.getSheet("重复投诉地点")).isNotNull();
        }
        assertThat(audits("ANALYSIS_EXCEL_DOWNLOADED")).isEqualTo(before + 1);
    }

    private long audits(String action) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_id = ?", Long.class,
                action, PERIOD.code());
    }
}
