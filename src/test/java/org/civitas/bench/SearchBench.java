package org.civitas.bench;

import static org.civitas.bench.Bench.ms;
import static org.civitas.bench.Bench.ratio;
import static org.civitas.bench.Bench.timed;

import org.civitas.cases.inbox.CaseFilter;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;

/** The inbox's keyword filter (docs/benchmarks.md): a frequent, an absent and a moderate Chinese word. */
class SearchBench extends BenchFixture {

    @Test
    void chinese_keyword_search() throws Exception {
        search("50-search", "垃圾");
    }

    /** A word no description holds: LIKE must read every row, the index answers at once. */
    @Test
    void chinese_keyword_search_rare() throws Exception {
        search("51-search-rare", "爆炸");
    }

    /** A word of a few thousand cases, as a clerk looks for one street's or one estate's problem. */
    @Test
    void chinese_keyword_search_moderate() throws Exception {
        search("52-search-moderate", "占道");
    }

    /**
     * The inbox's keyword filter through {@code CaseService.inbox}: the supervisor's first page of all cases and a
     * district clerk's first page of open cases, by deadline, first call and median of five; beside it the bare
     * match of the app's Mroonga side table {@code case_search} (newest 50), or a {@code LIKE} scan without it.
     */
    private synchronized void search(String key, String word) throws Exception {
        Long n = jdbc.queryForObject("select count(*) from case_file", Long.class);
        jdbc.execute("drop table if exists bench_case_search"); // the benchmark's own table of earlier rounds
        boolean index = !jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "database() and table_name = 'case_search'", String.class).isEmpty();
        CaseFilter all = CaseFilter.any().withKeyword(word);
        CaseFilter open = all.withStatuses(java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(
                org.civitas.cases.CaseStatus.FINAL)));
        String clerk = "bench.inbox." + districts.get(0);
        jdbc.update("insert ignore into app_user (username, display_name, password_hash, unit_code, "
                + "password_changed_at, created_at) values (?, ?, 'n/a', ?, now(6), now(6))", clerk, clerk,
                districts.get(0));
        jdbc.update("insert ignore into app_user_role (user_id, role) select id, 'UNIT_CLERK' from app_user "
                + "where username = ?", clerk);
        var users = context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        double[] sup = timed(5, () -> RunAs.user("supervisor", () -> cases.inbox(all, null, 0, PAGE), "SUPERVISOR"));
        int supRows = RunAs.user("supervisor", () -> cases.inbox(all, null, 0, PAGE), "SUPERVISOR").size();
        double[] clk = timed(5, () -> {
            var details = users.loadUserByUsername(clerk);
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(details, null,
                            details.getAuthorities()));
            try {
                return cases.inbox(open, null, 0, PAGE);
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        });
        String rawSql = index ? "select case_id from case_search where match(text) against(? in boolean mode) "
                + "order by case_id desc limit 50" : "select id from case_file where description like ? "
                + "order by id desc limit 50";
        String arg = index ? "+" + word : "%" + word + "%";
        double[] raw = timed(5, () -> jdbc.queryForList(rawSql, Long.class, arg));
        Long matches = index ? jdbc.queryForObject("select count(*) from case_search where match(text) "
                + "against(? in boolean mode)", Long.class, arg) : null;
        double worst = Math.max(Math.max(sup[0], sup[1]), Math.max(clk[0], clk[1]));
        Bench.row(key, String.format("inbox keyword filter “%s” (%s), %,d cases, through `CaseService.inbox`: "
                        + "supervisor, all cases (%d rows); clerk of %s, open cases", word,
                        matches == null ? "no Mroonga: LIKE" : String.format("%,d matches in `case_search`", matches),
                        n, supRows, districts.get(0)),
                String.format("supervisor: first %s, median %s; clerk: first %s, median %s", ms(sup[1]), ms(sup[0]),
                        ms(clk[1]), ms(clk[0])),
                String.format("%s: first %s, median %s", index ? "bare Mroonga match, newest 50" : "bare LIKE scan",
                        ms(raw[1]), ms(raw[0])), ratio(Math.max(sup[0], clk[0]), raw[0]) + " (median)",
                "< 500 ms at 20 M", worst < 500);
    }
}
