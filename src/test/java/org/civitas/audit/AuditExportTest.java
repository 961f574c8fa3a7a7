package org.civitas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** The export walks the whole filtered log page by page, newest first, each row once, and records itself. */
@IntegrationTest
class AuditExportTest {

    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;

    @Test
    void an_export_longer_than_a_page_has_every_filtered_row_once_newest_first_and_is_audited() {
        String who = "bulk." + Long.toString(System.nanoTime(), 36);
        int n = AuditService.EXPORT_PAGE + 7;
        LocalDateTime at = LocalDateTime.of(2031, 3, 4, 8, 0);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {at.plusSeconds(i), who, i % 2 == 0 ? "LOGIN_FAILED" : "LOGIN_SUCCEEDED"});
        }
        jdbc.batchUpdate("insert into audit_log (at, actor, action) values (?, ?, ?)", rows);
        AuditFilter all = new AuditFilter(who, Set.of(), null, null, LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 4));

        List<AuditEntry> seen = new ArrayList<>();
        int count = RunAs.user("auditor", () -> audit.export(all, seen::add), AppRoles.AUDITOR);

        assertThat(count).isEqualTo(n).isEqualTo(seen.size());
        assertThat(seen).extracting(AuditEntry::getId).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<AuditEntry> failed = new ArrayList<>();
        int failures = RunAs.user("auditor", () -> audit.export(new AuditFilter(who, Set.of("LOGIN_FAILED"), null, null,
                null, null), failed::add), AppRoles.AUDITOR);
        assertThat(failures).isEqualTo((n + 1) / 2);
        assertThat(failed).allMatch(e -> e.getAction().equals("LOGIN_FAILED"));

        List<String> details = jdbc.queryForList("select detail from audit_log where action = 'AUDIT_LOG_EXPORTED'"
                + " and actor = 'auditor' and after_data like ? order by id", String.class, "%" + who + "%");
        assertThat(details).containsExactly(n + " rows", failures + " rows");
    }

    @Test
    void nobody_but_the_auditor_exports_the_log() {
        assertThatThrownBy(() -> RunAs.user("admin", () -> audit.export(AuditFilter.none(), e -> { }),
                AppRoles.ADMIN)).isInstanceOf(AccessDeniedException.class);
    }
}
