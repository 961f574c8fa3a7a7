package org.civitas.cases.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civitas.base.RuleViolation;
import org.civitas.base.report.ListSheets;

/**
 * Writes inbox rows (诉求工单) to an .xlsx file with POI's streaming workbook: only the last 100 rows stay in memory,
 * the rest go to a temporary file until {@link #writeTo}. Labels are in the user's language, dates are real Excel
 * dates, the phone is written as the service gave it (masked for everyone but the intake operator).
 *
 * <pre>
 * try (var excel = new CaseExcelExporter(texts, now)) {
 *     cases.forEachInboxRow(filter, excel::add);
 *     excel.writeTo(out);
 * }
 * </pre>
 */
public final class CaseExcelExporter implements AutoCloseable {

    /** Excel's limit, less the header row. */
    public static final int MAX_ROWS = 1_048_575;

    /**
     * What the sheet shows instead of keys and codes.
     *
     * @param translate a translation key in the user's language
     * @param unit      a unit's name by its code
     * @param category  a category's name by its code
     * @param item      a list item's name by its code
     */
    public record Texts(Function<String, String> translate, Function<String, String> unit,
                        Function<String, String> category, Function<String, String> item) {
    }

    private record Column(String key, int width) {
    }

    /** Widths in Excel's character units; a Chinese character takes about two. */
    private static final List<Column> COLUMNS = List.of(new Column("inbox.col.number", 17),
            new Column("inbox.col.status", 10), new Column("inbox.export.category", 12),
            new Column("inbox.export.itemCode", 9), new Column("inbox.export.itemName", 26),
            new Column("inbox.filter.urgency", 10), new Column("inbox.filter.district", 12),
            new Column("inbox.filter.street", 22), new Column("inbox.col.address", 40),
            new Column("inbox.col.leadUnit", 24), new Column("inbox.export.handlingUnit", 24),
            new Column("inbox.col.channel", 11), new Column("inbox.col.receivedAt", 17),
            new Column("inbox.export.signDue", 17), new Column("inbox.col.handleDue", 17),
            new Column("inbox.export.overdue", 9), new Column("inbox.col.phone", 14),
            new Column("inbox.export.reopened", 9));

    private final Texts texts;
    private final LocalDateTime now;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    /**
     * The workbook's default style, set on every cell that has no other: a cell without one makes POI look its
     * column's style up in the sheet's column definitions (an XML bean per column, searched per cell), and the sheet
     * defines a width for every column. Half the export's time went there (docs/benchmarks.md).
     */
    private final CellStyle plain;
    private final String yes;
    private final String no;
    private int rows;

    public CaseExcelExporter(Texts texts, LocalDateTime now) {
        this.texts = texts;
        this.now = now;
        this.yes = texts.translate().apply("inbox.export.yes");
        this.no = texts.translate().apply("inbox.export.no");
        sheet = workbook.createSheet(texts.translate().apply("inbox.export.sheet"));
        plain = workbook.getCellStyleAt(0);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        header();
    }

    /** One more row; refuses past Excel's limit rather than writing a file Excel cannot open. */
    public void add(CaseRow r) {
        if (rows == MAX_ROWS) {
            throw new RuleViolation("inbox.export.tooMany", MAX_ROWS);
        }
        Row row = sheet.createRow(++rows);
        int c = 0;
        text(row, c++, r.number());
        text(row, c++, label("CaseStatus.", r.status()));
        text(row, c++, texts.category().apply(r.categoryCode()));
        text(row, c++, r.itemCode());
        text(row, c++, texts.item().apply(r.itemCode()));
        text(row, c++, r.urgency() == null ? null : texts.translate().apply("Urgency." + r.urgency()));
        text(row, c++, texts.unit().apply(r.districtCode()));
        text(row, c++, texts.unit().apply(r.streetCode()));
        text(row, c++, r.address());
        text(row, c++, texts.unit().apply(r.leadUnitCode()));
        text(row, c++, texts.unit().apply(r.handlingUnitCode()));
        text(row, c++, label("Channel.", r.channel()));
        date(row, c++, r.receivedAt());
        date(row, c++, r.signDueAt());
        date(row, c++, r.handleDueAt());
        text(row, c++, r.overdue(now) ? yes : no);
        text(row, c++, r.phone());
        Cell reopened = row.createCell(c);
        reopened.setCellValue(r.reopenCount());
        reopened.setCellStyle(plain);
    }

    /** The rows written so far. */
    public int rows() {
        return rows;
    }

    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
        out.flush();
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    private void header() {
        ListSheets.header(workbook, sheet, COLUMNS.stream().map(c -> texts.translate().apply(c.key())).toList(),
                COLUMNS.stream().map(Column::width).toList());
    }

    private String label(String prefix, Enum<?> value) {
        return value == null ? null : texts.translate().apply(prefix + value.name());
    }

    private void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(plain);
        }
    }

    private void date(Row row, int column, LocalDateTime value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(dateStyle);
        }
    }
}
