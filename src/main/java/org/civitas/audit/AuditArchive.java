package org.civitas.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies each month of the audit log that is more than {@code civitas.audit.keep-days} (180) old to a gzipped JSON
 * lines file, with every row's chain position and hashes, so the archive can be verified on its own; its SHA-256
 * and the chain's last position go into {@code audit_archive}. Nothing is deleted: the triggers would refuse it, and
 * purging archived months is a DBA's decision (docs/operations.md). A month is archived once, when all its rows are
 * sealed.
 */
@Component
class AuditArchive {

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final Clock clock;
    private final Path dir;
    private final int keepDays;
    /** The application's mapper: the rows are strings and numbers only, which every configuration writes alike. */
    private final ObjectMapper json;

    AuditArchive(JdbcTemplate jdbc, AuditChain chain, Clock clock,
                 @Value("${civitas.audit.archive-dir:./data/audit-archive}") Path dir,
                 @Value("${civitas.audit.keep-days:180}") int keepDays, ObjectMapper json) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
        this.dir = dir;
        this.keepDays = keepDays;
        this.json = json;
    }

    /** Archives every month older than the retention that has no archive yet; returns the months archived. */
    @Scheduled(cron = "${civitas.audit.archive-cron:0 30 2 * * *}")
    List<YearMonth> archive() {
        chain.seal();
        YearMonth last = YearMonth.from(LocalDateTime.now(clock).minusDays(keepDays)).minusMonths(1);
        List<YearMonth> done = new ArrayList<>();
        List<String> months = jdbc.queryForList("""
                select distinct date_format(at, '%Y-%m') m from audit_log
                where at < ? and date_format(at, '%Y-%m') not in (select month from audit_archive) order by m""",
                String.class, last.plusMonths(1).atDay(1).atStartOfDay());
        for (String m : months) {
            YearMonth month = YearMonth.parse(m);
            if (archive(month)) {
                done.add(month);
            }
        }
        return done;
    }

    private boolean archive(YearMonth month) {
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        Long unsealed = jdbc.queryForObject("select count(*) from audit_log where at >= ? and at < ?"
                + " and chain_seq is null", Long.class, from, to);
        if (unsealed != null && unsealed > 0) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            String name = "audit-" + month + ".jsonl.gz";
            Path tmp = Files.createTempFile(dir, name, ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long[] count = {0};
            long[] seq = {0, 0};
            String[] lastHash = {null};
            try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), sha))) {
                jdbc.query("""
                        select id, at, actor, action, target_type, target_id, before_data, after_data, detail, client_ip,
                               chain_seq, prev_hash, hash
                        from audit_log where at >= ? and at < ? order by chain_seq""", rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("at", String.valueOf(rs.getObject("at", LocalDateTime.class)));
                    for (String c : new String[] {"actor", "action", "target_type", "target_id", "before_data",
                            "after_data", "detail", "client_ip", "prev_hash", "hash"}) {
                        row.put(c, rs.getString(c));
                    }
                    row.put("chain_seq", rs.getLong("chain_seq"));
                    try {
                        out.write(json.writeValueAsBytes(row));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (count[0]++ == 0) {
                        seq[0] = rs.getLong("chain_seq");
                    }
                    seq[1] = rs.getLong("chain_seq");
                    lastHash[0] = rs.getString("hash");
                }, from, to);
            }
            Path file = dir.resolve(name);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            jdbc.update("insert into audit_archive (month, file_name, row_count, first_seq, last_seq, last_hash,"
                    + " file_sha256, archived_at) values (?, ?, ?, ?, ?, ?, ?, ?)", month.toString(), name, count[0],
                    seq[0], seq[1], lastHash[0], HexFormat.of().formatHex(sha.digest()), LocalDateTime.now(clock));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive the audit log of " + month + " to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
