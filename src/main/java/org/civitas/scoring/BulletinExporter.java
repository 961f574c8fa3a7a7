package org.civitas.scoring;

import io.micrometer.core.annotation.Timed;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civitas.audit.AuditEvent;
import org.civitas.base.ActorNames;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.base.report.ExcelWorkbook;
import org.civitas.base.report.ExcelWorkbook.Column;
import org.civitas.base.report.ReportRenderer;
import org.civitas.catalog.PeerGroup;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly bulletin (每月通报) as a PDF (template {@code reports/monthly-bulletin.jrxml}) and an Excel workbook,
 * always in Chinese, with the same figures as the rankings view (both read {@link ScoringService#month}). Every
 * download is audited.
 */
@Service
public class BulletinExporter {

    private final ScoringService scoring;
    private final ReportRenderer renderer;
    private final TranslationProvider i18n;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final ActorNames actors;

    BulletinExporter(ScoringService scoring, ReportRenderer renderer, TranslationProvider i18n, CurrentUser user,
                     ApplicationEventPublisher events, ActorNames actors) {
        this.scoring = scoring;
        this.actors = actors;
        this.renderer = renderer;
        this.i18n = i18n;
        this.user = user;
        this.events = events;
    }

    @PreAuthorize(ScoringService.READ)
    @Transactional(readOnly = true)
    @Timed(value = "civitas.export", extraTags = {"report", "bulletin", "format", "pdf"})
    public byte[] pdf(YearMonth month) {
        MonthlyScores scores = scoring.month(month);
        Map<String, Object> params = new HashMap<>();
        params.put("title", t("bulletin.title", String.valueOf(month.getYear()), String.valueOf(month.getMonthValue())));
        params.put("status", status(scores));
        params.put("red", names(scores.red()));
        params.put("black", names(scores.black()));
        params.put("note", t("rankings.rules", scores.rules().minCases()));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (PeerGroup g : PeerGroup.values()) {
            for (UnitScore s : scores.group(g)) {
                Map<String, Object> row = new HashMap<>();
                row.put("group", t("rankings.group." + g.name()));
                row.put("rank", rank(s));
                row.put("unit", s.unitName());
                row.put("cases", s.cases());
                row.put("sign", s.sign().percent());
                row.put("onTime", s.onTime().percent());
                row.put("satisfaction", s.satisfaction().percent());
                row.put("band", t(s.band().labelKey()));
                row.put("solved", s.solved().percent());
                row.put("deductions", s.deductions().toPlainString());
                row.put("score", s.score().toPlainString());
                rows.add(row);
            }
        }
        byte[] pdf = renderer.pdfFromMaps("monthly-bulletin", params, rows);
        audit(month, "pdf");
        return pdf;
    }

    @PreAuthorize(ScoringService.READ)
    @Transactional(readOnly = true)
    @Timed(value = "civitas.export", extraTags = {"report", "bulletin", "format", "xlsx"})
    public byte[] excel(YearMonth month) {
        MonthlyScores scores = scoring.month(month);
        try (ExcelWorkbook book = new ExcelWorkbook()) {
            ExcelWorkbook.SheetWriter units = book.sheet(t("bulletin.sheet.scores"), List.of(
                    Column.text(t("assessment.group")), Column.text(t("rankings.rank")), Column.text(t("rankings.unit")),
                    Column.integer(t("rankings.cases")), Column.percent(t("rankings.signRate")),
                    Column.percent(t("rankings.onTimeRate")), Column.percent(t("rankings.satisfactionRate")),
                    Column.text(t("rankings.band")), Column.percent(t("rankings.solvedRate")),
                    Column.decimal(t("rankings.deductions")), Column.decimal(t("rankings.score"))));
            List<String> names = new ArrayList<>();
            List<Number> values = new ArrayList<>();
            for (PeerGroup g : PeerGroup.values()) {
                for (UnitScore s : scores.group(g)) {
                    units.row(t("rankings.group." + g.name()), rank(s), s.unitName(), s.cases(), rate(s.sign()),
                            rate(s.onTime()), rate(s.satisfaction()), t(s.band().labelKey()), rate(s.solved()),
                            s.deductions(), s.score());
                    names.add(s.unitName());
                    values.add(s.score());
                }
            }
            units.barChart(t("bulletin.chart"), names.toArray(String[]::new), values.toArray(Number[]::new), 2, 10);

            ExcelWorkbook.SheetWriter deductions = book.sheet(t("bulletin.sheet.deductions"), List.of(
                    Column.text(t("rankings.unit")), Column.text(t("rankings.kind")), Column.dateTime(t("rankings.at")),
                    Column.text(t("rankings.reference")), Column.decimal(t("rankings.points"))));
            for (UnitScore s : scores.units()) {
                if (s.deductions().signum() == 0) {
                    continue;
                }
                for (Deduction d : scoring.deductions(month, s.unitCode())) {
                    deductions.row(s.unitName(), t(d.kind().labelKey()), d.at(), d.reference(), d.points());
                }
            }

            ExcelWorkbook.SheetWriter lists = book.sheet(t("bulletin.sheet.lists"), List.of(
                    Column.text(t("bulletin.list")), Column.text(t("rankings.unit")), Column.decimal(t("rankings.score"))));
            scores.red().forEach(s -> lists.row(t("rankings.red"), s.unitName(), s.score()));
            scores.black().forEach(s -> lists.row(t("rankings.black"), s.unitName(), s.score()));
            byte[] xlsx = book.toBytes();
            audit(month, "xlsx");
            return xlsx;
        }
    }

    private void audit(YearMonth month, String format) {
        events.publishEvent(new AuditEvent(user.username(), "BULLETIN_DOWNLOADED", "scoring_bulletin",
                month.toString(), null, null, format));
    }

    private String status(MonthlyScores scores) {
        return scores.published()
                ? t("rankings.publishedAt", scores.publishedAt().toLocalDate(),
                        actors.of(scores.publishedBy(), this::t))
                : t("rankings.live");
    }

    private String rank(UnitScore s) {
        return s.rank() == null ? t("rankings.notRanked") : String.valueOf(s.rank());
    }

    private String names(List<UnitScore> units) {
        return units.isEmpty() ? t("rankings.none")
                : units.stream().map(u -> u.unitName() + " " + u.score())
                        .collect(Collectors.joining(t("rankings.separator")));
    }

    /** Empty rates stay empty cells rather than showing full marks as 100 %. */
    private static Double rate(Ratio r) {
        return r.empty() ? null : r.value();
    }

    private String t(String key, Object... args) {
        return i18n.getTranslation(key, TranslationProvider.CHINESE, args);
    }
}
