package org.civitas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Months older than 180 days are copied to a verifiable archive file once; the rows stay in the database. */
@IntegrationTest
class AuditArchiveTest {

    @Autowired AuditArchive archive;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void a_month_past_the_retention_is_archived_once_with_its_chain_and_stays_in_the_log() throws Exception {
        clock.set(LocalDateTime.of(2030, 1, 15, 10, 0));
        for (int i = 0; i < 3; i++) {
            String detail = "归档测试 " + i;
            tx.executeWithoutResult(s -> events.publishEvent(AuditEvent.of("tester", "TEST_ARCHIVE", detail)));
        }
        clock.set(LocalDateTime.of(2030, 7, 10, 9, 0)); // 176 days later: still kept in the log only
        assertThat(archive.archive()).doesNotContain(YearMonth.of(2030, 1));

        clock.set(LocalDateTime.of(2030, 8, 20, 9, 0)); // more than 180 days after the end of January
        assertThat(archive.archive()).contains(YearMonth.of(2030, 1));
        Map<String, Object> row = jdbc.queryForMap("select * from audit_archive where month = '2030-01'");
        Path file = Path.of("target", "audit-archive", (String) row.get("file_name"));
        assertThat(AuditArchive.sha256(file)).isEqualTo(row.get("file_sha256"));
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        assertThat(lines).hasSize(((Number) row.get("row_count")).intValue())
                .filteredOn(l -> l.contains("TEST_ARCHIVE")).hasSize(3)
                .allMatch(l -> l.contains("\"hash\":\"") && l.contains("\"chain_seq\":"));
        assertThat(lines).anyMatch(l -> l.contains("归档测试 2"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'TEST_ARCHIVE'"
                + " and at < '2030-02-01'", Long.class)).isGreaterThanOrEqualTo(3);
        assertThat(archive.archive()).doesNotContain(YearMonth.of(2030, 1));
    }
}
