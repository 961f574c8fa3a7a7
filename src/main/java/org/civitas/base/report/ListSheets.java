package org.civitas.base.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The header every exported list (the inbox, the audit log) starts with: bold and shaded, frozen, filterable. */
public final class ListSheets {

    private ListSheets() {
    }

    /**
     * Writes row 0 of the sheet: one title per column, each column {@code widths[i]} characters wide; the row stays in
     * view when scrolling and carries Excel's filter buttons.
     */
    public static void header(SXSSFWorkbook workbook, SXSSFSheet sheet, List<String> titles, List<Integer> widths) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, widths.get(i) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, titles.size() - 1));
    }
}
