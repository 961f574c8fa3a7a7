package org.civitas.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.civitas.base.identity.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's hash chain. Rows are written with the change they record (in its transaction) and sealed
 * shortly after, in the order they became visible: each sealed row gets the next chain position, the hash of the
 * row before it and its own hash, SHA-256 over the previous hash and the row's fields. The head row holds the last
 * position and hash, and its row lock makes one sealer at a time across nodes. {@link #verify} walks the chain and
 * reports a changed row (its hash no longer matches), a removed row (a gap in the positions, or a previous hash that
 * does not match) and a cut tail (the head is ahead of the last row). The database triggers of
 * {@link V42__Audit_chain} already refuse updates and deletes; the chain catches what someone with the power to drop
 * a trigger did anyway.
 */
@Service
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final String ROW_COLUMNS = "id, at, actor, action, target_type, target_id, before_data, after_data,"
            + " detail, client_ip";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditChain(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Seals every committed, unsealed row; returns how many. Runs every few seconds and before a verification. */
    @Scheduled(fixedDelayString = "${civitas.audit.seal-delay-ms:10000}",
            initialDelayString = "${civitas.audit.seal-initial-delay-ms:10000}")
    @Transactional
    int seal() {
        Object[] head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1 for update",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = (Long) head[0];
        String prev = (String) head[1];
        int sealed = 0;
        List<Row> rows;
        do {
            rows = jdbc.query("select " + ROW_COLUMNS + " from audit_log where chain_seq is null order by id limit "
                    + BATCH, (rs, i) -> Row.of(rs));
            for (Row r : rows) {
                seq++;
                String hash = hash(prev, r);
                jdbc.update("update audit_log set chain_seq = ?, prev_hash = ?, hash = ? where id = ? and chain_seq is null",
                        seq, prev, hash, r.id());
                prev = hash;
                sealed++;
            }
        } while (rows.size() == BATCH);
        if (sealed > 0) {
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ?, sealed_at = ? where id = 1", seq,
                    prev, LocalDateTime.now(clock));
            log.debug("Sealed {} audit rows; chain at {} {}", sealed, seq, prev);
        }
        return sealed;
    }

    /** Seals what is pending, then checks the whole chain. Only the auditor may ask. */
    @PreAuthorize("hasRole('" + AppRoles.AUDITOR + "')")
    @Transactional
    public Verification verify() {
        seal();
        return check();
    }

    /** The check itself, for the command line ({@link AuditVerifyCommand}) as well. */
    Verification check() {
        return check("audit_log", "audit_chain_head");
    }

    /** Tests check a copy of the tables, where they may break things on purpose. */
    Verification check(String table, String headTable) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        long expected = 1;
        long checked = 0;
        long after = 0;
        List<SealedRow> page;
        do {
            page = jdbc.query("select " + ROW_COLUMNS + ", chain_seq, prev_hash, hash from " + table
                    + " where chain_seq > ? order by chain_seq limit " + BATCH, (rs, i) -> new SealedRow(Row.of(rs),
                    rs.getLong("chain_seq"), rs.getString("prev_hash"), rs.getString("hash")), after);
            for (SealedRow s : page) {
                if (s.seq() != expected) {
                    problems.add("missing chain positions " + expected + "–" + (s.seq() - 1) + " before audit row "
                            + s.row().id());
                } else if (!prev.equals(s.prevHash())) {
                    problems.add("audit row " + s.row().id() + " (position " + s.seq()
                            + ") does not follow the row before it");
                }
                if (!hash(s.prevHash(), s.row()).equals(s.hash())) {
                    problems.add("audit row " + s.row().id() + " (position " + s.seq() + ") was changed");
                }
                prev = s.hash();
                expected = s.seq() + 1;
                after = s.seq();
                checked++;
            }
        } while (page.size() == BATCH);
        Object[] head = jdbc.queryForObject("select last_seq, last_hash from " + headTable + " where id = 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        if ((Long) head[0] != expected - 1 || !head[1].equals(prev)) {
            problems.add("the chain ends at position " + (expected - 1) + " but its head records position " + head[0]
                    + ": rows at the end were removed");
        }
        long unsealed = jdbc.queryForObject("select count(*) from " + table + " where chain_seq is null", Long.class);
        return new Verification(problems.isEmpty(), checked, unsealed, List.copyOf(problems));
    }

    static String hash(String prev, Row r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            for (String field : r.fields()) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                // length-prefixed: no two different rows hash the same text
                sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of a verification: {@code problems} names each broken place. */
    public record Verification(boolean intact, long rowsChecked, long unsealed, List<String> problems) {
    }

    record Row(long id, String at, String actor, String action, String targetType, String targetId, String before,
               String after, String detail, String clientIp) {

        static Row of(ResultSet rs) throws SQLException {
            LocalDateTime at = rs.getObject("at", LocalDateTime.class);
            return new Row(rs.getLong("id"), at == null ? null : MICROS.format(at),
                    rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                    rs.getString("target_id"), rs.getString("before_data"), rs.getString("after_data"),
                    rs.getString("detail"), rs.getString("client_ip"));
        }

        List<String> fields() {
            return java.util.Arrays.asList(String.valueOf(id), at, actor, action, targetType, targetId, before, after,
                    detail, clientIp);
        }
    }

    private record SealedRow(Row row, long seq, String prevHash, String hash) {
    }
}
