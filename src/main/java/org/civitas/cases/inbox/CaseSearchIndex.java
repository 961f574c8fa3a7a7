package org.civitas.cases.inbox;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the inbox's keyword filter can ask the Mroonga side table {@code case_search} (DD031): decided once at
 * start, not per query. It can when the Mroonga plugin is active and the table exists (V83 builds it only where the
 * plugin was active); otherwise the filter scans descriptions and addresses with {@code LIKE}.
 */
@Component
class CaseSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(CaseSearchIndex.class);

    static final String MROONGA_ACTIVE = "select count(*) from information_schema.plugins "
            + "where plugin_name = 'Mroonga' and plugin_status = 'ACTIVE'";
    static final String TABLE_EXISTS = "select count(*) from information_schema.tables "
            + "where table_schema = database() and table_name = 'case_search'";

    private final boolean fulltext;

    CaseSearchIndex(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        boolean mroonga = count(jdbc, MROONGA_ACTIVE) > 0;
        boolean table = count(jdbc, TABLE_EXISTS) > 0;
        fulltext = mroonga && table;
        if (fulltext) {
            log.info("Keyword search: Mroonga full-text index case_search");
        } else if (table) {
            // the triggers of V83 write to case_search on every new case: without the engine every intake fails
            log.error("Keyword search: case_search exists but the Mroonga plugin is not active. New cases cannot be "
                    + "stored until the plugin is loaded again or the case_search triggers are dropped "
                    + "(docs/decisions/DD031-keyword-search.md)");
        } else if (mroonga) {
            log.warn("Keyword search: the Mroonga plugin is active but case_search was not built (the plugin came "
                    + "after migration V83): the inbox scans with LIKE (docs/decisions/DD031-keyword-search.md)");
        } else {
            log.info("Keyword search: no Mroonga plugin, the inbox scans descriptions and addresses with LIKE");
        }
    }

    /** True: match against {@code case_search}; false: {@code LIKE} over {@code case_file}. */
    boolean fulltext() {
        return fulltext;
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
