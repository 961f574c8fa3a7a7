package org.civitas.cases.inbox;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The keyword search's side table (DD031), only where the Mroonga plugin is active: {@code case_search} holds each
 * case's description and address under a bigram full-text index, kept by triggers on {@code case_file} (so the
 * intake, the generator's bulk load and any later edit all feed it). Where the plugin is missing this migration does
 * nothing and the inbox scans with {@code LIKE}. A Java migration because it decides at run time and the trigger
 * bodies hold semicolons.
 * <p>
 * The triggers come before the backfill, so a case stored while the backfill runs is not missed; the backfill skips
 * the cases the triggers already wrote. Every statement may be repeated: MariaDB commits DDL at once, so a migration
 * stopped half way is re-run after {@code flyway repair}.
 */
@Component
class V83__Case_search extends BaseJavaMigration {

    /** The indexed text: description, then address (the space stops a phrase from running across the two). */
    static final String TEXT = "concat(%1$s.description, ' ', %1$s.address)";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            if (!mroongaActive(s)) {
                return;
            }
            // TokenBigramSplitSymbolAlphaDigit: Chinese in bigrams like the default TokenBigram, but letters and
            // digits too, so "2号" finds "12号楼" as LIKE does (TokenBigram keeps "12" as one token)
            s.execute("""
                    CREATE TABLE IF NOT EXISTS case_search (
                        case_id     BIGINT      NOT NULL PRIMARY KEY,
                        received_at DATETIME(6) NOT NULL,
                        text        TEXT        NOT NULL,
                        FULLTEXT INDEX ft_case_search_text (text)
                            COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit"'
                    ) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""");
            s.execute("DROP TRIGGER IF EXISTS case_search_insert");
            s.execute("DROP TRIGGER IF EXISTS case_search_update");
            s.execute("DROP TRIGGER IF EXISTS case_search_delete");
            // REPLACE: Mroonga is not transactional, so a rolled-back intake leaves its row behind; should its id
            // ever be taken again, the new case's text replaces it (a row without a case matches no case_file row)
            s.execute("CREATE TRIGGER case_search_insert AFTER INSERT ON case_file FOR EACH ROW\n"
                    + "REPLACE INTO case_search (case_id, received_at, text) VALUES (NEW.id, NEW.received_at, "
                    + TEXT.formatted("NEW") + ")");
            s.execute("CREATE TRIGGER case_search_update AFTER UPDATE ON case_file FOR EACH ROW\n"
                    + "IF NOT (NEW.description <=> OLD.description AND NEW.address <=> OLD.address"
                    + " AND NEW.received_at <=> OLD.received_at AND NEW.id <=> OLD.id) THEN\n"
                    + "  DELETE FROM case_search WHERE case_id = OLD.id;\n"
                    + "  REPLACE INTO case_search (case_id, received_at, text) VALUES (NEW.id, NEW.received_at, "
                    + TEXT.formatted("NEW") + ");\n"
                    + "END IF");
            s.execute("CREATE TRIGGER case_search_delete AFTER DELETE ON case_file FOR EACH ROW\n"
                    + "DELETE FROM case_search WHERE case_id = OLD.id");
            s.execute("INSERT IGNORE INTO case_search (case_id, received_at, text) SELECT c.id, c.received_at, "
                    + TEXT.formatted("c") + " FROM case_file c");
        }
    }

    static boolean mroongaActive(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery(CaseSearchIndex.MROONGA_ACTIVE)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
