package org.civitas.bench;

import static org.civitas.bench.Bench.as;
import static org.civitas.bench.Bench.ms;
import static org.civitas.bench.Bench.ratio;
import static org.civitas.bench.Bench.timed;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report measures (docs/benchmarks.md): the half-month analysis, the monthly ranking and its bulletin PDF, each
 * beside the bare aggregate over {@code case_file} it stands for.
 */
class ReportBench extends BenchFixture {

    @Autowired
    org.civitas.analysis.AnalysisService analysis;
    @Autowired
    org.civitas.analysis.CaseDaily daily;
    @Autowired
    org.civitas.scoring.ScoringService scoring;
    @Autowired
    org.civitas.scoring.BulletinExporter bulletin;

    /**
     * The last complete half month through {@code AnalysisService.analyse}, which reads the daily aggregates
     * ({@code case_daily}, refreshed first for this half month and the one before, as the nightly run and the dirty
     * days keep them), against one bare aggregate over {@code case_file} for the same half month (by district: the
     * analysis shows seven such breakdowns).
     */
    @Test
    void half_month_analysis() throws Exception {
        var period = org.civitas.analysis.HalfMonth.containing(java.time.LocalDate.now()).previous();
        long r0 = System.nanoTime();
        daily.refresh(period.previous().first(), period.last());
        double refresh = (System.nanoTime() - r0) / 1e9;
        long inPeriod = jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?",
                Long.class, period.first().atStartOfDay(), period.last().plusDays(1).atStartOfDay());
        // one untimed call on the half month before (refreshed too): the JVM's first analysis loads and compiles its
        // code, which a running server has done long before; "first" below is then the first call on cold data
        as("SUPERVISOR", () -> analysis.analyse(period.previous()));
        double[] civitas = timed(3, () -> as("SUPERVISOR", () -> analysis.analyse(period)));
        double[] raw = timed(3, () -> jdbc.queryForList("""
                select district_code, count(*), count(signed_on_time), sum(signed_on_time), count(replied_on_time),
                       sum(replied_on_time), count(rating), sum(rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
                       count(solved), sum(solved)
                from case_file force index (ix_case_received)
                where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
                group by district_code""", period.first().atStartOfDay(), period.last().plusDays(1).atStartOfDay()));
        Bench.row("60-analysis", String.format("half-month analysis %s (%,d cases) through `AnalysisService.analyse` "
                        + "(daily aggregates; refreshing the month's aggregates took %.1f s; after one call on the half "
                        + "month before)", period.code(), inPeriod,
                        refresh), "median " + ms(civitas[0]) + ", first " + ms(civitas[1]),
                "one bare aggregate over `case_file` for the half month (by district): median " + ms(raw[0])
                        + ", first " + ms(raw[1]), ratio(civitas[0], raw[0]), "< 2 s",
                Math.max(civitas[0], civitas[1]) < 2000);
    }

    private static final String RAW_MONTH = """
            select lead_unit_code, count(*), sum(signed_on_time = 1), sum(signed_at is not null),
                   sum(replied_on_time = 1), sum(replied_at is not null),
                   sum(rating in ('SATISFIED', 'BASICALLY_SATISFIED')), sum(rating is not null), sum(solved = 1),
                   sum(solved is not null)
            from case_file force index (ix_case_month_scores)
            where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
              and lead_unit_code is not null
            group by lead_unit_code""";

    /** Last month's live (unpublished) ranking through {@code ScoringService.month}, against its bare aggregate. */
    @Test
    void monthly_ranking_and_bulletin() throws Exception {
        java.time.YearMonth month = java.time.YearMonth.now().minusMonths(1);
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        long inMonth = jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?",
                Long.class, from, to);
        double[] raw = timed(3, () -> jdbc.queryForList(RAW_MONTH, from, to));
        double[] ranking = timed(3, () -> as("SUPERVISOR", () -> scoring.month(month)));
        double[] pdf = timed(3, () -> as("SUPERVISOR", () -> bulletin.pdf(month)));
        int bytes = as("SUPERVISOR", () -> bulletin.pdf(month)).length;
        String rawText = "the bare aggregate by lead unit over `case_file` for the month (covering index): median "
                + ms(raw[0]) + ", first " + ms(raw[1]);
        Bench.row("61-ranking", String.format("monthly ranking %s (%,d cases, live: not published) through "
                        + "`ScoringService.month`", month, inMonth), "median " + ms(ranking[0]) + ", first "
                        + ms(ranking[1]), rawText, ratio(ranking[0], raw[0]), "< 2 s",
                Math.max(ranking[0], ranking[1]) < 2000);
        Bench.row("62-bulletin", String.format("monthly bulletin PDF %s through `BulletinExporter.pdf` (ranking + "
                        + "JasperReports, %,d bytes)", month, bytes), "median " + ms(pdf[0]) + ", first " + ms(pdf[1]),
                rawText, ratio(pdf[0], raw[0]), "< 10 s", Math.max(pdf[0], pdf[1]) < 10_000);
    }
}
