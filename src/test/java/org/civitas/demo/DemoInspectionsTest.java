package org.civitas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.base.ActorNames;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's inspections are real work of the last weeks: rounds by the demo inspector, findings, notices to the
 * districts (answered, passed, one overdue), each dated when it was done, in Chinese only.
 */
@IntegrationTest
class DemoInspectionsTest {

    /** A Tuesday no other test uses. */
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 12, 10, 10, 0);
    private static final List<String> TABLES = List.of("inspection_history", "inspection_finding",
            "rectification_notice", "inspection_round", "notification", "outbox_message");

    @Autowired DemoInspections demo;
    @Autowired MutableClock clock;
    @Autowired NamedParameterJdbcTemplate jdbc;
    @Autowired ActorNames names;

    private final Map<String, Long> before = new HashMap<>();
    private List<Long> rounds;

    @BeforeEach
    void remember() {
        for (String t : TABLES) {
            before.put(t, jdbc.getJdbcTemplate().queryForObject("select coalesce(max(id), 0) from " + t, Long.class));
        }
    }

    @AfterEach
    void removeTheDemoRounds() {
        clock.reset();
        SecurityContextHolder.clearContext();
        for (String t : TABLES) {
            jdbc.getJdbcTemplate().update("delete from " + t + " where id > ?", before.get(t));
        }
    }

    @Test
    void the_demo_enters_rounds_findings_and_notices_of_the_last_weeks_as_the_inspector() {
        rounds = demo.create(NOW, new DemoInspections.TimeMachine() {
            @Override
            public <T> T at(LocalDateTime moment, Supplier<T> step) {
                clock.set(moment);
                try {
                    return step.get();
                } finally {
                    clock.set(NOW);
                }
            }
        });

        assertThat(rounds).hasSizeBetween(3, 5);
        var ids = Map.of("ids", rounds);
        assertThat(jdbc.queryForList("select distinct created_by from inspection_round where id in (:ids)", ids,
                String.class)).containsExactly(DemoInspections.INSPECTOR);
        assertThat(names.of(DemoInspections.INSPECTOR, k -> k)).isEqualTo("督导组检查员");
        // dated in the weeks before, not all today
        assertThat(jdbc.queryForObject("select min(created_at) from inspection_round where id in (:ids)", ids,
                LocalDateTime.class)).isBefore(NOW.minusWeeks(3));
        assertThat(jdbc.queryForList("select title from inspection_round where id in (:ids) order by id", ids,
                String.class)).containsExactly("11月第二周暗访（江岸区、江汉区）", "11月第三周暗访（武昌区、洪山区）",
                "11月第四周暗访（江岸区、武昌区）", "12月第一周暗访（江汉区、硚口区）", "12月第二周暗访（江岸区、青山区）");

        assertThat(count("select count(*) from inspection_finding where round_id in (:ids)")).isGreaterThan(8);
        String notices = "select count(*) from rectification_notice where round_id in (:ids)";
        assertThat(count(notices)).isGreaterThanOrEqualTo(4);
        assertThat(count(notices + " and answered_by like 'clerk.%'")).isGreaterThanOrEqualTo(3);
        assertThat(count(notices + " and state = 'PASSED'")).isPositive();
        assertThat(count(notices + " and state = 'ISSUED' and current_due_at <= '2024-12-10 10:00'"
                + " and overdue_notified_at is not null")).isEqualTo(1);
        assertThat(count(notices + " and issued_at > current_due_at")).isZero();

        // what people read is Chinese: titles, teams, places, addresses, notes, answers
        List<String> texts = jdbc.queryForList("""
                select concat_ws('|', title, team, places) from inspection_round where id in (:ids)
                union all select concat_ws('|', item_name, address, note) from inspection_finding
                  where round_id in (:ids)
                union all select answer_text from rectification_notice where round_id in (:ids)
                  and answer_text is not null""", ids, String.class);
        assertThat(texts).hasSizeGreaterThan(10).allSatisfy(t -> assertThat(t).doesNotContainPattern("[A-Za-z]"));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Map.of("ids", rounds), Long.class);
    }
}
