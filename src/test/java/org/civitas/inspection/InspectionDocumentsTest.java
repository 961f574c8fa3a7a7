package org.civitas.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The printed notice reads back in Chinese with its findings and deadline; the round workbook holds both sheets. */
@IntegrationTest
class InspectionDocumentsTest {

    @Autowired InspectionService inspections;
    @Autowired NoticeService noticeService;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired NamedParameterJdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    <T> T as(String username, Supplier<T> action) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void the_notice_pdf_and_the_round_workbook_read_back() throws Exception {
        clock.set(LocalDateTime.of(2026, 12, 14, 9, 0)); // Monday
        RoundRow round = as("inspector", () -> inspections.createRound(new NewRound("年终菜场专项检查",
                LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 14), "督导三组", Set.of("D01"),
                Set.of(PlaceType.MARKET), "三阳路菜场")));
        as("inspector", () -> inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.MARKET, "D01",
                null, "江岸区三阳路菜场东门", "垃圾桶满溢", false), List.of()));
        as("inspector", () -> inspections.recordFinding(round.id(), new NewFinding("SR-02", PlaceType.MARKET, "D01",
                null, "江岸区三阳路菜场西门", null, false), List.of()));
        NoticeRow notice = as("inspector", () -> noticeService.issueNotices(round.id())).get(0);

        byte[] pdf = as("clerk.jiangan", () -> noticeService.noticePdf(notice.id()));
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("整改通知单", "编号：" + notice.number(), "江岸区：", "SR-01 暴露垃圾",
                "江岸区三阳路菜场东门", "垃圾桶满溢", "SR-02", "2026年12月21日 17:30", "责任单位签收人");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RECTIFICATION_NOTICE_DOWNLOADED'"
                + " AND detail = :n", Map.of("n", notice.number()), Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> as("clerk.wuchang", () -> noticeService.noticePdf(notice.id())))
                .isInstanceOf(AccessDeniedException.class);

        byte[] xlsx = as("supervisor", () -> inspections.roundExcel(round.id()));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var findings = book.getSheet("发现问题");
            assertThat(findings.getLastRowNum()).isEqualTo(2);
            assertThat(findings.getRow(0).getCell(1).getStringCellValue()).isEqualTo("清单条目");
            assertThat(findings.getRow(1).getCell(1).getStringCellValue()).isEqualTo("SR-01 暴露垃圾");
            assertThat(findings.getRow(1).getCell(2).getStringCellValue()).isEqualTo("农贸市场");
            assertThat(findings.getRow(1).getCell(5).getStringCellValue()).isEqualTo("江岸区");
            assertThat(findings.getRow(2).getCell(7).getStringCellValue()).isEqualTo(notice.number());
            var notices = book.getSheet("整改通知单");
            assertThat(notices.getLastRowNum()).isEqualTo(1);
            assertThat(notices.getRow(1).getCell(2).getStringCellValue()).isEqualTo("待整改");
            assertThat(notices.getRow(1).getCell(3).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 12, 21, 17, 30));
            assertThat(notices.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2.0);
        }
    }
}
