package org.civitas.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civitas.base.report.ListSheets;

/**
 * The filtered audit log as an .xlsx file for a 等保 review, written with POI's streaming workbook (100 rows in
 * memory): headers and actions in the reader's language, times to the second, the actor's name and login both, the
 * detail and the changes in words, and the codes kept beside them so nothing is lost in translation.
 *
 * <pre>
 * try (var excel = new AuditExcel(translate, names)) {
 *     audit.export(filter, excel::add);
 *     excel.writeTo(out);
 * }
 * </pre>
 */
public final class AuditExcel implements AutoCloseable {

    /** Excel refuses longer cell texts. */
    static final int MAX_CELL = 32_767;

    private record Column(String key, int width) {
    }

    private static final List<Column> COLUMNS = List.of(new Column("audit.export.id", 10),
            new Column("audit.at", 20), new Column("audit.actor", 14), new Column("audit.export.login", 16),
            new Column("audit.action", 18), new Column("audit.export.actionCode", 24),
            new Column("audit.export.targetType", 12), new Column("audit.export.targetId", 20),
            new Column("audit.detail", 30), new Column("audit.export.changes", 60), new Column("audit.ip", 16));

    private final Function<String, String> translate;
    private final Function<String, String> names;
    private final AuditTexts texts;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final SXSSFSheet sheet;
    private final CellStyle plain;
    private final CellStyle time;
    private int rows;

    /**
     * @param translate a translation key in the reader's language
     * @param names     the name to show for a login
     */
    public AuditExcel(Function<String, String> translate, Function<String, String> names) {
        this.translate = translate;
        this.names = names;
        this.texts = new AuditTexts(translate);
        sheet = workbook.createSheet(translate.apply("audit.export.sheet"));
        plain = workbook.getCellStyleAt(0);
        time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        header();
    }

    public void add(AuditEntry e) {
        Row row = sheet.createRow(++rows);
        Cell id = row.createCell(0);
        id.setCellValue(e.getId());
        id.setCellStyle(plain);
        Cell at = row.createCell(1);
        at.setCellValue(e.getAt().withNano(0));
        at.setCellStyle(time);
        text(row, 2, names.apply(e.getActor()));
        text(row, 3, e.getActor());
        text(row, 4, texts.action(e.getAction()));
        text(row, 5, e.getAction());
        text(row, 6, texts.targetType(e.getTargetType()));
        text(row, 7, "null".equals(e.getTargetId()) ? null : e.getTargetId());
        text(row, 8, texts.detail(e.getDetail()));
        text(row, 9, String.join("\n", texts.changes(e.getBefore(), e.getAfter()).stream().map(texts::line)
                .toList()));
        text(row, 10, e.getClientIp());
    }

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
        ListSheets.header(workbook, sheet, COLUMNS.stream().map(c -> translate.apply(c.key())).toList(),
                COLUMNS.stream().map(Column::width).toList());
    }

    private void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL - 1) + "…" : value);
            cell.setCellStyle(plain);
        }
    }
}
