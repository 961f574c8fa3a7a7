package org.civitas.cases.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.demo.CaseGenerator;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The Excel export of the inbox holds exactly the filtered rows, masked like the grid, and is audited. */
@IntegrationTest
class CaseExportTest {

    static final int PHONE = 16;

    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired TranslationProvider i18n;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_clerk_exports_the_filtered_cases_of_their_unit_with_the_phone_masked_and_it_is_audited() throws Exception {
        LocalDate day = LocalDate.of(2029, 5, 22); // a Tuesday no other test uses
        clock.set(day.atTime(9, 0));
        CaseDetails first = register("D05", "S0501");
        register("D05", "S0502");
        register("D01", "S0101");
        int auditsBefore = exports("clerk.wuchang");

        XSSFSheet sheet = export("clerk.wuchang", receivedOn(day), 2);

        assertThat(sheet.getSheetName()).isEqualTo("诉求工单");
        Row header = sheet.getRow(0);
        assertThat(header.getCell(0).getStringCellValue()).isEqualTo("工单编号");
        assertThat(header.getCell(1).getStringCellValue()).isEqualTo("状态");
        assertThat(header.getCell(PHONE).getStringCellValue()).isEqualTo("联系电话");
        assertThat(sheet.getWorkbook().getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getLastRowNum()).isEqualTo(2);

        Row row = sheet.getRow(1);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(first.number());
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo("已派单");
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo("武昌区");
        assertThat(row.getCell(11).getStringCellValue()).isEqualTo("12345热线");
        // text and number cells carry the workbook's default style, as cells without one would show
        assertThat(row.getCell(0).getCellStyle().getIndex()).isZero();
        assertThat(row.getCell(17).getCellStyle().getIndex()).isZero();
        assertThat(row.getCell(17).getNumericCellValue()).isZero();
        Cell received = row.getCell(12);
        assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
        assertThat(received.getLocalDateTimeCellValue()).isEqualTo(day.atTime(9, 0));
        assertThat(sheet.getRow(1).getCell(PHONE).getStringCellValue()).isEqualTo("138****5678");
        assertThat(sheet.getRow(2).getCell(PHONE).getStringCellValue()).isEqualTo("138****5678");

        assertThat(exports("clerk.wuchang")).isEqualTo(auditsBefore + 1);
        String detail = jdbc.queryForObject("select detail from audit_log where action = 'CASES_EXPORTED' and actor = "
                + "'clerk.wuchang' order by id desc limit 1", String.class);
        assertThat(detail).startsWith("2 rows").contains(day.toString());
    }

    @Test
    void the_intake_operator_exports_the_full_phone() throws Exception {
        LocalDate day = LocalDate.of(2029, 5, 23);
        clock.set(day.atTime(9, 0));
        register("D05", "S0501");
        XSSFSheet sheet = export("operator", receivedOn(day), 1);
        assertThat(sheet.getRow(1).getCell(PHONE).getStringCellValue()).isEqualTo("13812345678");
    }

    @Test
    void an_export_larger_than_one_page_has_every_row_once_in_deadline_order() throws Exception {
        LocalDate from = LocalDate.of(2018, 7, 1);
        LocalDate to = LocalDate.of(2018, 7, 31);
        new CaseGenerator(dataSource, new CaseGenerator.Options(2300, from.atStartOfDay(), to.atTime(23, 0),
                // "now" months later: every generated case is finished, so none lingers on other tests' boards
                LocalDateTime.of(2019, 6, 30, 12, 0), 11L)).generate(n -> { });
        long expected = jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?",
                Long.class, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
        assertThat(expected).isGreaterThan(CaseQueries.STREAM_FETCH);

        CaseFilter filter = new CaseFilter(Set.of(), null, null, null, null, null, null, null, from, to, false, false,
                null, null);
        List<CaseRow> seen = new ArrayList<>();
        int n = as("supervisor", () -> cases.forEachInboxRow(filter, seen::add));

        assertThat(n).isEqualTo(expected).isEqualTo(seen.size());
        assertThat(seen).extracting(CaseRow::id).doesNotHaveDuplicates();
        assertThat(seen).extracting(CaseRow::cursor).isSortedAccordingTo((a, b) -> {
            int byDue = a.handleDueAt() == null || b.handleDueAt() == null
                    ? Boolean.compare(a.handleDueAt() != null, b.handleDueAt() != null)
                    : a.handleDueAt().compareTo(b.handleDueAt());
            return byDue != 0 ? byDue : Long.compare(a.id(), b.id());
        });
        XSSFSheet sheet = export("supervisor", filter, (int) expected);
        assertThat(sheet.getLastRowNum()).isEqualTo(expected);
    }

    @Test
    void the_streamed_export_has_exactly_the_rows_of_the_inbox_pages_for_a_scoped_clerk_and_a_filter()
            throws Exception {
        LocalDate from = LocalDate.of(2020, 9, 1);
        LocalDate to = LocalDate.of(2020, 9, 30);
        new CaseGenerator(dataSource, new CaseGenerator.Options(2300, from.atStartOfDay(), to.atTime(23, 0),
                LocalDateTime.of(2021, 3, 31, 12, 0), 13L)).generate(n -> { });
        // three cases of other districts that concern 武昌区 (D05) as a co-unit: in the clerk's scope only that way
        List<Long> coUnitCases = jdbc.queryForList("select id from case_file where received_at >= ? and received_at"
                + " < ? and status = 'CLOSED' and lead_unit_code <> 'D05' and coalesce(handling_unit_code, '') <> 'D05'"
                + " order by id limit 3", Long.class, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
        assertThat(coUnitCases).hasSize(3);
        coUnitCases.forEach(id -> jdbc.update("insert into case_co_unit (case_id, unit_code) values (?, 'D05')", id));
        CaseFilter filter = new CaseFilter(Set.of(CaseStatus.CLOSED), null, null, null, null, null, null, null, from,
                to, false, false, null, null);

        List<CaseRow> paged = new ArrayList<>();
        as("clerk.wuchang", () -> {
            List<CaseRow> page;
            InboxCursor after = null;
            do {
                page = cases.inbox(filter, after, 50);
                paged.addAll(page);
                after = page.isEmpty() ? null : page.get(page.size() - 1).cursor();
            } while (page.size() == 50);
            return null;
        });
        List<CaseRow> streamed = new ArrayList<>();
        int n = as("clerk.wuchang", () -> cases.forEachInboxRow(filter, streamed::add));

        assertThat(paged.size()).isGreaterThan(100);
        assertThat(paged).extracting(CaseRow::id).containsAll(coUnitCases);
        assertThat(paged).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(r.phone()).contains("****");
        });
        assertThat(n).isEqualTo(paged.size());
        assertThat(streamed).containsExactlyElementsOf(paged);
    }

    private XSSFSheet export(String username, CaseFilter filter, int expectedRows) throws Exception {
        Locale zh = TranslationProvider.CHINESE;
        Function<String, String> name = code -> switch (code == null ? "" : code) {
            case "D05" -> "武昌区";
            case "D01" -> "江岸区";
            default -> code;
        };
        var texts = new CaseExcelExporter.Texts(key -> i18n.getTranslation(key, zh), name, c -> c, c -> c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaseExcelExporter excel = new CaseExcelExporter(texts, LocalDateTime.now(clock))) {
            int n = as(username, () -> cases.forEachInboxRow(filter, excel::add));
            assertThat(n).isEqualTo(expectedRows).isEqualTo(excel.rows());
            excel.writeTo(out);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())).getSheetAt(0);
    }

    private static CaseFilter receivedOn(LocalDate day) {
        return new CaseFilter(Set.of(), null, null, null, null, null, null, null, day, day, false, false, null, null);
    }

    private int exports(String actor) {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'CASES_EXPORTED' and actor = ?",
                Integer.class, actor);
    }

    private CaseDetails register(String district, String street) {
        return as("operator", () -> cases.register(aReport().item("SR-02").in(district, street).build()));
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }
}
