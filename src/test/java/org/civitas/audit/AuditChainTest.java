package org.civitas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log is append-only in the database and hash-chained: an UPDATE or DELETE is refused whoever asks, and a
 * row changed or removed behind the triggers' back (tried on a copy of the tables) is found by the verification.
 */
@IntegrationTest
class AuditChainTest {

    @Autowired AuditChain chain;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void dropCopies() {
        jdbc.execute("drop table if exists audit_log_t");
        jdbc.execute("drop table if exists audit_chain_head_t");
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_audit_row_sealed_or_not() {
        long id = write("TEST_APPEND_ONLY", "before sealing");
        assertThatThrownBy(() -> jdbc.update("update audit_log set detail = 'forged' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where id = ?", id))
                .hasMessageContaining("append-only");
        chain.seal();
        assertThatThrownBy(() -> jdbc.update("update audit_log set hash = ? where id = ?", "0".repeat(64), id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_chain_head set last_seq = 0 where id = 1"))
                .hasMessageContaining("only grows");
        assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                .isEqualTo("before sealing");
    }

    @Test
    void sealed_rows_form_an_intact_chain_that_only_the_auditor_may_verify() {
        write("TEST_CHAIN", "一");
        write("TEST_CHAIN", "二");
        AuditChain.Verification v = RunAs.user("auditor", () -> chain.verify(), "AUDITOR");
        assertThat(v.intact()).as("%s", v.problems()).isTrue();
        assertThat(v.unsealed()).isZero();
        assertThat(v.rowsChecked()).isEqualTo(jdbc.queryForObject("select count(*) from audit_log", Long.class));
        assertThatThrownBy(() -> RunAs.user("admin", () -> chain.verify(), "ADMIN"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_changed_row_a_removed_row_and_a_cut_tail_are_each_found() {
        for (int i = 0; i < 5; i++) {
            write("TEST_TAMPER", "row " + i);
        }
        chain.seal();
        copy();
        long middle = jdbc.queryForObject("select id from audit_log_t where action = 'TEST_TAMPER' order by chain_seq"
                + " limit 1 offset 2", Long.class);
        assertThat(chain.check("audit_log_t", "audit_chain_head_t").intact()).isTrue();

        jdbc.update("update audit_log_t set detail = 'row X' where id = ?", middle);
        assertThat(chain.check("audit_log_t", "audit_chain_head_t").problems())
                .anyMatch(p -> p.contains("audit row " + middle) && p.contains("changed"));

        copy();
        jdbc.update("delete from audit_log_t where id = ?", middle);
        assertThat(chain.check("audit_log_t", "audit_chain_head_t").problems())
                .anyMatch(p -> p.startsWith("missing chain positions"));

        copy();
        jdbc.update("delete from audit_log_t order by chain_seq desc limit 2");
        assertThat(chain.check("audit_log_t", "audit_chain_head_t").problems())
                .anyMatch(p -> p.contains("rows at the end were removed"));
    }

    /** A copy of the sealed log and its head, without the triggers: where a DBA could tamper. */
    private void copy() {
        dropCopies();
        jdbc.execute("create table audit_log_t like audit_log");
        jdbc.execute("insert into audit_log_t select * from audit_log where chain_seq is not null");
        jdbc.execute("create table audit_chain_head_t as select * from audit_chain_head");
    }

    private long write(String action, String detail) {
        tx.executeWithoutResult(s -> events.publishEvent(new AuditEvent("tester", action, "test", null, null, null,
                detail)));
        return jdbc.queryForObject("select max(id) from audit_log where action = ?", Long.class, action);
    }
}
