package org.civitas.audit;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Makes the audit log append-only in the database and ready for its hash chain (等保 2.0: audit records protected
 * from deletion and alteration). Triggers refuse every DELETE and every UPDATE except the one-time seal (chain
 * position and hashes filled in once, nothing else changed), whoever the database user is. A Java migration because
 * the trigger bodies hold semicolons.
 */
@Component
class V42__Audit_chain extends BaseJavaMigration {

    static final String UNCHANGED = "NEW.id <=> OLD.id AND NEW.at <=> OLD.at AND NEW.actor <=> OLD.actor"
            + " AND NEW.action <=> OLD.action AND NEW.target_type <=> OLD.target_type"
            + " AND NEW.target_id <=> OLD.target_id AND NEW.before_data <=> OLD.before_data"
            + " AND NEW.after_data <=> OLD.after_data AND NEW.detail <=> OLD.detail AND NEW.client_ip <=> OLD.client_ip";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("""
                    ALTER TABLE audit_log
                        ADD COLUMN chain_seq BIGINT NULL,
                        ADD COLUMN prev_hash CHAR(64) NULL,
                        ADD COLUMN hash CHAR(64) NULL,
                        ADD CONSTRAINT uq_audit_chain_seq UNIQUE (chain_seq)""");
            s.execute("""
                    CREATE TABLE audit_chain_head (
                        id        TINYINT     NOT NULL PRIMARY KEY,
                        last_seq  BIGINT      NOT NULL,
                        last_hash CHAR(64)    NOT NULL,
                        sealed_at DATETIME(6) NULL
                    ) ENGINE=InnoDB DEFAULT CHARSET=ascii""");
            s.execute("INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '"
                    + AuditChain.GENESIS + "')");
            s.execute("""
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: rows cannot be deleted'""");
            s.execute("CREATE TRIGGER audit_log_seal_only BEFORE UPDATE ON audit_log FOR EACH ROW\n"
                    + "IF OLD.chain_seq IS NOT NULL OR NOT (" + UNCHANGED + ") THEN\n"
                    + "  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: rows cannot be changed';\n"
                    + "END IF");
            s.execute("""
                    CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head FOR EACH ROW
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_chain_head cannot be deleted'""");
            s.execute("""
                    CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON audit_chain_head FOR EACH ROW
                    IF NEW.last_seq < OLD.last_seq OR NEW.id <> OLD.id THEN
                      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit chain only grows';
                    END IF""");
        }
    }
}
