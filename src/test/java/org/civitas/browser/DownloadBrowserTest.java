package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Downloads arrive in the browser and open: the inbox as an Excel workbook (POI), the half-monthly analysis as a PDF
 * (PDFBox) and as a workbook.
 */
class DownloadBrowserTest extends BrowserTest {

    @Autowired CaseService cases;

    @Test
    void the_supervisor_downloads_the_inbox_and_the_workbook_opens_with_the_case_in_it() throws Exception {
        CaseDetails c = RunAs.user("operator", () -> cases.register(aReport().item("SR-04").in("D05", "S0501")
                .description("下载测试：占道经营").build()), "OPERATOR");
        login("supervisor");
        // every open case: without parameters a supervisor's inbox opens on the overdue ones only
        open("cases?status=REGISTERED,DISPATCHED,IN_PROGRESS,RETURN_REQUESTED,REPLIED");
        waitForVisible(By.id("inbox-export")).click();
        Path xlsx = downloaded("诉求工单", ".xlsx");
        assertThat(xlsx.getFileName().toString()).contains("诉求工单");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单编号");
            List<String> numbers = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    numbers.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(numbers).contains(c.number());
        }
    }

    @Test
    void the_leader_downloads_the_half_monthly_analysis_as_pdf_and_excel_and_both_open_in_chinese() throws Exception {
        login("leader");
        open("analysis");
        waitForVisible(By.id("analysis-pdf")).click();
        Path pdf = downloaded("分析", ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("文明城市负面清单半月分析", "按时办结率");
        }
        waitForVisible(By.id("analysis-excel")).click();
        Path xlsx = downloaded("分析", ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getNumberOfSheets()).isGreaterThan(1);
        }
        screenshot("analysis");
    }
}
