package org.civitas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civitas.security.UserForm;
import org.civitas.security.UserService;
import org.civitas.test.CaseRows;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch intake writes cases with plain multi-row INSERTs, the operator's form through Hibernate: the same report
 * must come out the same either way, row for row, in every table a registration writes.
 */
@IntegrationTest
class CaseIntakeTest {

    static final String ACTOR = "channel:TEST_INTAKE";

    @Autowired CaseService cases;
    @Autowired CaseIntake intake;
    @Autowired TransactionTemplate tx;
    @Autowired NamedParameterJdbcTemplate jdbc;
    @Autowired UserService users;
    @Autowired EntityManagerFactory entities;

    static NewCase report(String ref, String item) {
        return new NewCase(Channel.HOTLINE_12345, ref, null, "王五", "13912345678", false, "D05", "S0501", "东湖路 8 号",
                new java.math.BigDecimal("30.551234"), new java.math.BigDecimal("114.301234"), "湖面漂着油污和垃圾",
                item, "https://img.example.org/lake.jpg");
    }

    long idOf(String ref) {
        return jdbc.queryForObject("SELECT id FROM case_file WHERE channel = 'HOTLINE_12345' AND channel_ref = :r",
                Map.of("r", ref), Long.class);
    }

    @Test
    void a_report_filed_by_the_batch_intake_is_written_as_hibernate_writes_it() {
        // a clerk of the co-handling department with an address: notices and their mails are compared too
        RunAs.user("admin", () -> users.create(new UserForm("g11.intake" + System.nanoTime(), "水务专员",
                Set.of("UNIT_CLERK"), "G11", "g11.intake@example.org", true, "Intake-Test-2026!")), "ADMIN");
        // JOINT (district leads, a department co-handles), TERRITORIAL, and no item (the classification queue)
        for (String item : Arrays.asList("SR-12", "SR-01", null)) {
            String byEntity = "H-" + UUID.randomUUID(), byBatch = "H-" + UUID.randomUUID();
            tx.executeWithoutResult(s -> cases.registerAs(report(byEntity, item), List.of(), ACTOR));
            List<CaseIntake.Result> results = tx.execute(s -> intake.fileAll(List.of(report(byBatch, item)),
                    List.of(List.of()), ACTOR));

            assertThat(results).singleElement().satisfies(r -> assertThat(r.created()).isTrue());
            Map<String, Object> written = CaseRows.written(jdbc, idOf(byBatch));
            assertThat(written).as(String.valueOf(item)).isEqualTo(CaseRows.written(jdbc, idOf(byEntity)));
            assertThat(((Map<?, ?>) written.get("case")).get("status")).isEqualTo(item == null ? "REGISTERED"
                    : "DISPATCHED");
            assertThat((List<?>) written.get("history")).hasSize(item == null ? 1 : 2);
            assertThat((List<?>) written.get("co_units")).hasSize("SR-12".equals(item) ? 1 : 0);
            if ("SR-12".equals(item)) {
                assertThat((List<?>) written.get("notices"))
                        .anyMatch(n -> n.toString().contains("notify.dispatched.co")
                                && n.toString().contains("g11.intake@example.org"));
            }
        }
    }

    @Test
    void the_batch_insert_names_every_column_the_entity_maps() {
        Set<String> mapped = entities.getMetamodel().entity(CaseFile.class).getAttributes().stream()
                .map(Attribute::getName).filter(n -> !n.equals("id") && !n.equals("coUnitCodes"))
                .map(n -> n.replaceAll("([A-Z])", "_$1").toLowerCase()).collect(Collectors.toSet());
        Set<String> inserted = Arrays.stream(CaseFile.INSERT_COLUMNS.split(",")).map(String::strip)
                .collect(Collectors.toSet());
        assertThat(inserted).isEqualTo(mapped);
        assertThat(CaseFile.INSERT_VALUES.chars().filter(c -> c == '?').count()).isEqualTo(inserted.size());
    }
}
