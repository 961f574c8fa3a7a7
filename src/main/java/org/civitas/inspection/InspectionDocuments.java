package org.civitas.inspection;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.civitas.base.report.ExcelWorkbook;
import org.civitas.base.report.ExcelWorkbook.Column;
import org.civitas.base.report.ReportRenderer;
import org.springframework.stereotype.Component;

/** The printed notice (Jasper, {@code reports/rectification-notice.jrxml}) and the round's summary workbook. */
@Component
class InspectionDocuments {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ReportRenderer renderer;
    private final I18NProvider i18n;

    InspectionDocuments(ReportRenderer renderer, I18NProvider i18n) {
        this.renderer = renderer;
        this.i18n = i18n;
    }

    byte[] noticePdf(NoticeRow n, RoundRow round, List<FindingRow> findings, Function<String, String> unitName) {
        Map<String, Object> p = new HashMap<>();
        p.put("number", n.number());
        p.put("unitName", unitName.apply(n.unitCode()));
        p.put("roundTitle", round.title());
        p.put("roundNumber", round.number());
        p.put("issuedAt", TIME.format(n.issuedAt()));
        p.put("dueAt", TIME.format(n.currentDueAt()));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (FindingRow f : findings) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("item", f.itemCode() + " " + f.itemName());
            r.put("place", unitName.apply(f.districtCode())
                    + (f.streetCode() == null ? "" : unitName.apply(f.streetCode())) + " " + f.address());
            r.put("note", f.note());
            rows.add(r);
        }
        return renderer.pdfFromMaps("rectification-notice", p, rows);
    }

    byte[] roundExcel(RoundRow round, List<FindingRow> findings, List<NoticeRow> notices,
                      Map<Long, String> noticeNumbers, Function<String, String> unitName) {
        try (ExcelWorkbook book = new ExcelWorkbook()) {
            var s = book.sheet(t("inspection.excel.findings"), List.of(Column.text(t("inspection.round.number")),
                    Column.text(t("inspection.finding.item")), Column.text(t("inspection.finding.placeType")),
                    Column.text(t("inspection.finding.district")), Column.text(t("inspection.finding.address")),
                    Column.text(t("inspection.finding.unit")), Column.text(t("inspection.finding.state")),
                    Column.text(t("notice.number")), Column.text(t("inspection.finding.case")),
                    Column.integer(t("inspection.finding.photos"))));
            for (FindingRow f : findings) {
                s.row(round.number(), f.itemCode() + " " + f.itemName(),
                        t("inspection.placeType." + f.placeType().name()), unitName.apply(f.districtCode()),
                        f.address(), unitName.apply(f.unitCode()), t("inspection.findingState." + f.state().name()),
                        f.noticeId() == null ? null : noticeNumbers.get(f.noticeId()), f.caseNumber(), f.photos());
            }
            var ns = book.sheet(t("inspection.excel.notices"), List.of(Column.text(t("notice.number")),
                    Column.text(t("notice.unit")), Column.text(t("notice.state")), Column.dateTime(t("notice.due")),
                    Column.dateTime(t("inspection.excel.answeredAt")), Column.text(t("notice.answerText")),
                    Column.integer(t("inspection.round.findings"))));
            for (NoticeRow n : notices) {
                ns.row(n.number(), unitName.apply(n.unitCode()), t("notice.state." + n.state().name()),
                        n.currentDueAt(), n.answeredAt(), n.answerText(),
                        findings.stream().filter(f -> Long.valueOf(n.id()).equals(f.noticeId())).count());
            }
            return book.toBytes();
        }
    }

    private String t(String key) {
        return i18n.getTranslation(key, ZH);
    }
}
