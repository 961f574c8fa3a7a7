package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** The bulletin of October 2031 as PDF and Excel, read back: the same figures as the screen, in Chinese, audited. */
@IntegrationTest
class BulletinExportTest {

    static final YearMonth OCTOBER = YearMonth.of(2031, 10);

    @Autowired BulletinExporter exporter;
    @Autowired ScoringService scoring;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_bulletin_pdf_and_workbook_hold_the_screen_figures() throws Exception {
        ScoringFixtures fx = new ScoringFixtures(jdbc);
        LocalDateTime o = LocalDateTime.of(2031, 10, 9, 9, 0);
        for (int i = 0; i < 5; i++) {
            fx.aCase("E01", o).repliedOnTime(i < 4 ? "SATISFIED" : "DISSATISFIED", i < 4).insert();
        }
        long ordered = fx.aCase("E01", o).repliedOnTime("SATISFIED", true).insert();
        fx.order(ordered, "E01", "SUPERVISION", o.plusDays(1));
        clock.set(LocalDateTime.of(2031, 11, 3, 9, 0));
        UnitScore e01 = RunAs.user("leader", () -> scoring.month(OCTOBER), AppRoles.LEADER).unit("E01");
        // 10 + 30 + 40 × 5/6 + 20 × 5/6 = 90, less 2
        assertThat(e01.score()).isEqualByComparingTo("88.00");

        byte[] pdf = RunAs.user("leader", () -> exporter.pdf(OCTOBER), AppRoles.LEADER);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("2031年10月文明城市创建工作月度通报", "公共企业", "按时办结率", "满意率", "得分",
                    "武汉市水务集团有限公司", "88.00", "83.3%", "红榜", "黑榜", "未发布");
        }

        byte[] xlsx = RunAs.user("leader", () -> exporter.excel(OCTOBER), AppRoles.LEADER);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet scores = book.getSheet("得分排名");
            assertThat(scores.getRow(0).getCell(10).getStringCellValue()).isEqualTo("得分");
            Row row = null;
            for (Row r : scores) {
                if (r.getRowNum() > 0 && "武汉市水务集团有限公司".equals(r.getCell(2).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("公共企业");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(String.valueOf(e01.rank()));
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(6.0);
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(e01.satisfaction().value());
            assertThat(row.getCell(6).getCellStyle().getDataFormatString()).contains("%");
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(88.0);
            assertThat(((XSSFSheet) scores).getDrawingPatriarch().getCharts()).hasSize(1);
            Sheet deductions = book.getSheet("扣分明细");
            boolean found = false;
            for (Row r : deductions) {
                if (r.getRowNum() > 0 && "武汉市水务集团有限公司".equals(r.getCell(0).getStringCellValue())) {
                    assertThat(r.getCell(1).getStringCellValue()).isEqualTo("每件督办扣分");
                    assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(2.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(book.getSheet("红黑榜")).isNotNull();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'BULLETIN_DOWNLOADED'"
                + " and target_id = '2031-10' and actor = 'leader'", Integer.class)).isEqualTo(2);
        assertThatThrownBy(() -> RunAs.user("clerk.wuchang", () -> exporter.pdf(OCTOBER), AppRoles.UNIT_CLERK))
                .isInstanceOf(AccessDeniedException.class);
    }
}
