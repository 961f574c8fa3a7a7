package org.civitas.base.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An Excel workbook written with Apache POI the house way: a sheet per section, a bold shaded header row that stays
 * frozen, integer / decimal / percent / date formats by column, widths fitted to the content (Chinese characters
 * count double) and native bar charts (XDDF). Streaming (SXSSF, 100 rows in memory) so a sheet may hold a million
 * rows; a chart takes its figures as arrays, so it needs no flushed rows.
 *
 * <pre>{@code
 * try (ExcelWorkbook book = new ExcelWorkbook()) {
 *     ExcelWorkbook.SheetWriter s = book.sheet("按区县", List.of(
 *             ExcelWorkbook.Column.text("区县"), ExcelWorkbook.Column.integer("案件数"),
 *             ExcelWorkbook.Column.percent("按时办结率")));
 *     s.row("江岸区", 12, 0.9167);          // a percent is a fraction: 0.9167 shows as 91.67%
 *     s.barChart("各区县案件数", new String[] {"江岸区"}, new Number[] {12}, 0, 1);
 *     byte[] xlsx = book.toBytes();
 * }
 * }</pre>
 */
public final class ExcelWorkbook implements AutoCloseable {

    /** How a column's cells are formatted. */
    public enum Kind { TEXT, INTEGER, DECIMAL, PERCENT, DATE, DATETIME }

    /** A column: heading and kind. */
    public record Column(String heading, Kind kind) {
        public static Column text(String heading) { return new Column(heading, Kind.TEXT); }
        public static Column integer(String heading) { return new Column(heading, Kind.INTEGER); }
        public static Column decimal(String heading) { return new Column(heading, Kind.DECIMAL); }
        /** Values are fractions (0.5 = 50 %), shown as {@code 0.00%}. */
        public static Column percent(String heading) { return new Column(heading, Kind.PERCENT); }
        public static Column date(String heading) { return new Column(heading, Kind.DATE); }
        public static Column dateTime(String heading) { return new Column(heading, Kind.DATETIME); }
    }

    /** The font Excel and WPS know on Chinese systems. */
    public static final String FONT = "等线";

    private final SXSSFWorkbook workbook;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle percent;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final List<SheetWriter> sheets = new ArrayList<>();

    public ExcelWorkbook() {
        workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        Font plain = workbook.createFont();
        plain.setFontName(FONT);
        plain.setFontHeightInPoints((short) 11);
        Font bold = workbook.createFont();
        bold.setFontName(FONT);
        bold.setFontHeightInPoints((short) 11);
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        text = style(plain, null);
        integer = style(plain, "#,##0");
        decimal = style(plain, "#,##0.00");
        percent = style(plain, "0.00%");
        date = style(plain, "yyyy-mm-dd");
        dateTime = style(plain, "yyyy-mm-dd hh:mm");
    }

    private CellStyle style(Font font, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        if (format != null) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        return style;
    }

    /** A new sheet with a frozen header row; {@code name} is cut to Excel's 31 characters. */
    public SheetWriter sheet(String name, List<Column> columns) {
        String safe = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        SXSSFSheet sheet = workbook.createSheet(safe.length() > 31 ? safe.substring(0, 31) : safe);
        SheetWriter writer = new SheetWriter(sheet, List.copyOf(columns));
        sheets.add(writer);
        return writer;
    }

    /** The workbook as .xlsx bytes; call once, after the last row. */
    public byte[] toBytes() {
        sheets.forEach(SheetWriter::fitWidths);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close(); // also deletes the temporary files of the streamed rows
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rows of one sheet, top to bottom. */
    public final class SheetWriter {
        private final SXSSFSheet sheet;
        private final List<Column> columns;
        private final int[] widths;
        private int next;

        private SheetWriter(SXSSFSheet sheet, List<Column> columns) {
            this.sheet = sheet;
            this.columns = columns;
            this.widths = new int[columns.size()];
            Row row = sheet.createRow(next++);
            row.setHeightInPoints(22);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(columns.get(i).heading());
                cell.setCellStyle(header);
                widths[i] = displayWidth(columns.get(i).heading()) + 2;
            }
            sheet.createFreezePane(0, 1);
        }

        public Sheet sheet() {
            return sheet;
        }

        /** Index (0-based) of the next row to be written; the header is row 0. */
        public int nextRow() {
            return next;
        }

        /** One row; values in column order ({@code null} leaves the cell empty). */
        public SheetWriter row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length && i < columns.size(); i++) {
                if (values[i] == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                Kind kind = columns.get(i).kind();
                Object v = values[i];
                String shown;
                switch (kind) {
                    case TEXT -> { cell.setCellValue(v.toString()); cell.setCellStyle(text); shown = v.toString(); }
                    case INTEGER -> { cell.setCellValue(((Number) v).doubleValue()); cell.setCellStyle(integer); shown = String.format("%,d", ((Number) v).longValue()); }
                    case DECIMAL -> { cell.setCellValue(number(v)); cell.setCellStyle(decimal); shown = String.format("%,.2f", number(v)); }
                    case PERCENT -> { cell.setCellValue(number(v)); cell.setCellStyle(percent); shown = "100.00%"; }
                    case DATE -> { cell.setCellValue((LocalDate) v); cell.setCellStyle(date); shown = "2026-01-01"; }
                    case DATETIME -> { cell.setCellValue((LocalDateTime) v); cell.setCellStyle(dateTime); shown = "2026-01-01 00:00"; }
                    default -> throw new IllegalStateException();
                }
                widths[i] = Math.max(widths[i], displayWidth(shown) + 2);
            }
            return this;
        }

        /**
         * A native clustered bar chart placed right of the table: categories and one series per value array.
         * The figures are written into the chart's cache and linked to the cell ranges
         * ({@code categoryColumn}, {@code valueColumns}) of rows 1..n of this sheet, so pass the same figures
         * that the rows hold.
         */
        public SheetWriter barChart(String title, String[] categories, Number[] values, int categoryColumn, int valueColumn) {
            return barChart(title, categories, List.<Number[]>of(values), categoryColumn, new int[] {valueColumn});
        }

        public SheetWriter barChart(String title, String[] categories, List<Number[]> series, int categoryColumn, int[] valueColumns) {
            XSSFSheet xssf = workbook.getXSSFWorkbook().getSheet(sheet.getSheetName());
            XSSFDrawing drawing = xssf.createDrawingPatriarch();
            int left = columns.size() + 1;
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, left, 1, left + 10, 22);
            XSSFChart chart = drawing.createChart(anchor);
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            if (series.size() > 1) {
                chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            }
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis leftAxis = chart.createValueAxis(AxisPosition.LEFT);
            leftAxis.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, leftAxis);
            data.setBarDirection(BarDirection.COL);
            int n = categories.length;
            XDDFCategoryDataSource cats = XDDFDataSourcesFactory.fromArray(categories, range(categoryColumn, n));
            for (int s = 0; s < series.size(); s++) {
                Number[] values = series.get(s);
                XDDFNumericalDataSource<Number> vals = XDDFDataSourcesFactory.fromArray(values, range(valueColumns[s], n));
                XDDFChartData.Series added = data.addSeries(cats, vals);
                added.setTitle(columns.get(valueColumns[s]).heading(), new CellReference(sheet.getSheetName(), 0, valueColumns[s], true, true));
            }
            data.setVaryColors(false);
            chart.plot(data);
            return this;
        }

        private String range(int column, int n) {
            CellRangeAddress r = new CellRangeAddress(1, Math.max(1, n), column, column);
            return "'" + sheet.getSheetName().replace("'", "''") + "'!" + r.formatAsString();
        }

        private void fitWidths() {
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(80, widths[i]) * 256);
            }
        }
    }

    private static double number(Object v) {
        return v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
    }

    /** Width in Excel character units: CJK and full-width characters count two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    /** For callers that need the POI workbook itself (extra styles, merged cells). */
    public Workbook poi() {
        return workbook;
    }

    /** The in-memory XSSF part of the streaming workbook (for drawings and charts). */
    public XSSFWorkbook xssf() {
        return workbook.getXSSFWorkbook();
    }
}
