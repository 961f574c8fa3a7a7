package org.civitas.bench;

import static org.civitas.bench.Bench.ratio;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civitas.cases.inbox.CaseExcelExporter;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Excel export of a million cases (the newest) through the service and the exporter, against a bare SXSSF
 * write of the same cells read by one streaming JDBC query. Runs in its own JVM with -Xmx256m (profile bench):
 * finishing at all proves the heap target; the sampled peak of the used heap is reported too.
 */
@SpringBootTest
@ActiveProfiles("bench")
class ExportBench {

    @Autowired
    DataSource dataSource;
    @Autowired
    CaseService cases;

    /** The target is a million rows, and Excel holds at most 1,048,575: the newest cases, from a whole day on. */
    static final int ROWS = 1_000_000;

    @Test
    void excel_export_of_a_million_cases() throws Exception {
        Bench.load(dataSource);
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long total = jdbc.queryForObject("select count(*) from case_file", Long.class);
        LocalDate from = total <= ROWS ? LocalDate.of(1970, 1, 1) : jdbc.queryForObject("select cast(received_at as date) + interval 1 day "
                + "from case_file order by received_at desc limit 1 offset " + (ROWS - 1), LocalDate.class);
        CaseFilter filter = new CaseFilter(java.util.Set.of(), null, null, null, null, null, null, null, from, null,
                false, false, null, null);
        var out = Files.createDirectories(Bench.OUT).resolve("export.xlsx");
        // warm-up of both paths (JIT, POI) on the last two days, and of the buffer pool on the rows to export, so
        // neither measure pays for what the other one warmed
        LocalDate recent = LocalDate.now().minusDays(1);
        service(new CaseFilter(java.util.Set.of(), null, null, null, null, null, null, null, recent, null, false,
                false, null, null), out);
        raw(recent, out);
        jdbc.queryForList("select count(*), sum(length(address)), sum(length(complainant_phone)) from case_file "
                + "where received_at >= ?", from.atStartOfDay());

        AtomicLong peak = startSampler();
        System.gc();
        long t0 = System.nanoTime();
        int rows = service(filter, out);
        double civitas = (System.nanoTime() - t0) / 1e9;
        long civitasPeak = peak.getAndSet(0);

        System.gc();
        peak.set(0);
        long t1 = System.nanoTime();
        int rawRows = raw(from, out);
        double raw = (System.nanoTime() - t1) / 1e9;
        long rawPeak = peak.get();
        long max = Runtime.getRuntime().maxMemory() >> 20;
        Bench.row("30-export", String.format("Excel export of %,d rows (the cases received since %s, by deadline) "
                        + "through `forEachInboxRow` (one streaming query) + `CaseExcelExporter`, JVM -Xmx%d MB",
                        rows, from, max),
                String.format("%.1f s, peak used heap %d MB", civitas, civitasPeak >> 20),
                String.format("bare SXSSF write of the same cells from one streaming query (%,d rows): %.1f s, "
                        + "peak %d MB", rawRows, raw, rawPeak >> 20), ratio(civitas, raw),
                "≤ 1.3× raw, heap ≤ 256 MB (1 M rows)", civitas <= 1.3 * raw && max <= 256);
        Files.deleteIfExists(out);
    }

    private int service(CaseFilter filter, java.nio.file.Path out) throws Exception {
        var texts = new CaseExcelExporter.Texts(k -> k, c -> c, c -> c, c -> c);
        try (CaseExcelExporter x = new CaseExcelExporter(texts, LocalDateTime.now());
             OutputStream o = Files.newOutputStream(out)) {
            int rows = RunAs.user("supervisor", () -> cases.forEachInboxRow(filter, x::add), "SUPERVISOR");
            x.writeTo(o);
            return rows;
        }
    }

    /** The same cells written straight from one streaming query, nothing between the driver and POI. */
    private int raw(LocalDate from, java.nio.file.Path out) throws Exception {
        int rawRows = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); Connection c = dataSource.getConnection();
             OutputStream o = Files.newOutputStream(out)) {
            SXSSFSheet sheet = wb.createSheet("raw");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                        select number, status, category_code, item_code, item_code, urgency, district_code,
                               street_code, address, lead_unit_code, handling_unit_code, channel, received_at,
                               sign_due_at, handle_due_at, status, complainant_phone, reopen_count
                        from case_file where received_at >= ? order by handle_due_at, id""",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(1000);
                s.setObject(1, from.atStartOfDay());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Row row = sheet.createRow(++rawRows);
                        for (int i = 1; i <= 12; i++) {
                            String v = rs.getString(i);
                            if (v != null) {
                                row.createCell(i - 1).setCellValue(v);
                            }
                        }
                        for (int i = 13; i <= 15; i++) {
                            var v = rs.getTimestamp(i);
                            if (v != null) {
                                var cell = row.createCell(i - 1);
                                cell.setCellValue(v.toLocalDateTime());
                                cell.setCellStyle(date);
                            }
                        }
                        row.createCell(15).setCellValue(rs.getString(16));
                        String phone = rs.getString(17);
                        if (phone != null) {
                            row.createCell(16).setCellValue(phone.substring(0, 3) + "****" + phone.substring(7));
                        }
                        row.createCell(17).setCellValue(rs.getInt(18));
                    }
                }
            }
            wb.write(o);
            wb.dispose();
        }
        return rawRows;
    }

    private static AtomicLong startSampler() {
        AtomicLong peak = new AtomicLong();
        var mem = ManagementFactory.getMemoryMXBean();
        Thread t = new Thread(() -> {
            while (true) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return peak;
    }
}
