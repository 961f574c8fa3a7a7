package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 系统分派 for every one of the 100 items in two districts, against the CSV of the list read here: territorial →
 * the district, department → the item's lead unit, joint → the district leads and the department co-handles.
 */
@IntegrationTest
class DispatchEveryItemTest {

    @Autowired CaseService cases;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_item_is_dispatched_by_its_responsibility_in_two_districts() throws Exception {
        var operator = users.loadUserByUsername("operator");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(operator, null, operator.getAuthorities()));
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
        List<CSVRecord> items = csv("/reference/negative-list.csv");
        assertThat(items).hasSize(100);
        int checked = 0;
        for (String district : List.of("D01", "D07")) {
            for (CSVRecord item : items) {
                CaseDetails c = cases.register(aReport().item(item.get("code")).in(district, null).build());
                String lead = item.get("lead_unit");
                String expectedLead = switch (item.get("responsibility")) {
                    case "TERRITORIAL", "JOINT" -> district;
                    case "DEPARTMENT" -> lead;
                    default -> throw new IllegalStateException(item.get("responsibility"));
                };
                Set<String> expectedCo = "JOINT".equals(item.get("responsibility")) ? Set.of(lead) : Set.of();
                assertThat(c.status()).as(item.get("code")).isEqualTo(CaseStatus.DISPATCHED);
                assertThat(c.leadUnitCode()).as(item.get("code") + " in " + district).isEqualTo(expectedLead);
                assertThat(c.coUnitCodes()).as(item.get("code") + " in " + district).isEqualTo(expectedCo);
                assertThat(c.urgency()).isEqualTo(item.get("urgency"));
                assertThat(c.handleDueAt()).isAfter(c.dispatchedAt());
                invalidate(c);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(200);
    }

    /** Two hundred open, soon overdue cases would crowd other tests' boards: each is finished once checked. */
    private void invalidate(CaseDetails c) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var supervisor = users.loadUserByUsername("supervisor");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(supervisor, null, supervisor.getAuthorities()));
        try {
            cases.invalidate(c.ref(), "测试数据");
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static List<CSVRecord> csv(String resource) throws Exception {
        try (Reader in = new InputStreamReader(DispatchEveryItemTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
