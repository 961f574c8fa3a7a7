package org.civitas.base.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The report infrastructure without Spring: Chinese PDF through the font extension, and the POI workbook. */
class ReportRendererTest {

    public record District(String name, Integer count) {
        public String getName() { return name; }
        public Integer getCount() { return count; }
    }

    @Test
    void a_chinese_pdf_embeds_its_font_and_its_text_reads_back() throws Exception {
        ReportRenderer renderer = new ReportRenderer();
        Map<String, Object> params = new HashMap<>();
        params.put("title", "文明城市半月分析 2032年3月上半月");
        byte[] pdf = renderer.pdf("infra-smoke", params,
                List.of(new District("江岸区", 12), new District("武昌区", 7), new District("东湖新技术开发区", 1234)));

        java.nio.file.Files.write(java.nio.file.Path.of("target", "infra-smoke.pdf"), pdf); // to look at with pdftoppm
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72);
            javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", "infra-smoke.png").toFile());
            // the heading 区县名称 (x 20–60, y 60–74 at 72 dpi) is drawn: a broken font program extracts as text but shows nothing
            int dark = 0;
            for (int x = 18; x < 62; x++) {
                for (int y = 58; y < 76; y++) {
                    dark += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
                }
            }
            assertThat(dark).isGreaterThan(40);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("文明城市半月分析 2032年3月上半月", "区县名称", "案件数", "江岸区", "武昌区",
                    "东湖新技术开发区", "1234");
            PDPage page = doc.getPage(0);
            boolean embedded = false;
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.getName()).contains("NotoSansCJKsc");
                embedded |= font.isEmbedded();
            }
            assertThat(embedded).isTrue();
        }
        // the second call uses the cached compiled template
        assertThat(renderer.template("infra-smoke")).isSameAs(renderer.template("infra-smoke"));
    }

    @Test
    void a_workbook_has_formatted_frozen_headers_percent_cells_and_a_native_chart() throws Exception {
        byte[] xlsx;
        try (ExcelWorkbook book = new ExcelWorkbook()) {
            ExcelWorkbook.SheetWriter s = book.sheet("按区县", List.of(ExcelWorkbook.Column.text("区县"),
                    ExcelWorkbook.Column.integer("案件数"), ExcelWorkbook.Column.percent("按时办结率")));
            s.row("江岸区", 12, 0.9167).row("武昌区", 7, 0.5);
            s.barChart("各区县案件数", new String[] {"江岸区", "武昌区"}, new Number[] {12, 7}, 0, 1);
            ExcelWorkbook.SheetWriter many = book.sheet("明细", List.of(ExcelWorkbook.Column.integer("序号")));
            for (int i = 1; i <= 2000; i++) { // more rows than the streaming window of 100
                many.row(i);
            }
            xlsx = book.toBytes();
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = read.getSheet("按区县");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区县");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFillForegroundColor()).isNotZero();
            assertThat(read.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("江岸区");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.9167);
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(6 * 256);
            XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
            assertThat(drawing.getCharts()).hasSize(1);
            assertThat(drawing.getCharts().get(0).getTitleText().getString()).isEqualTo("各区县案件数");
            assertThat(read.getSheet("明细").getRow(2000).getCell(0).getNumericCellValue()).isEqualTo(2000.0);
        }
    }
}
