package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civitas.base.identity.AppRoles;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CasesFiled;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.CaseNumbers;
import org.civitas.cases.intake.NewCase;
import org.civitas.security.UserForm;
import org.civitas.security.UserService;
import org.civitas.test.CaseRows;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every new case is written by one multi-row INSERT ({@link CaseStore#insertAll}) whose columns repeat the entity's
 * mapping: the row must be the one Hibernate writes for the same case, column for column, and the operator's form
 * and a channel's batch must write the same rows in every table a registration writes, and announce them alike.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseIntakeTest {

    static final String ACTOR = "channel:TEST_INTAKE";

    @Autowired CaseService cases;
    @Autowired CaseIntake intake;
    @Autowired TransactionTemplate tx;
    @Autowired NamedParameterJdbcTemplate jdbc;
    @Autowired UserService users;
    @Autowired EntityManagerFactory entities;
    @Autowired CaseSteps steps;
    @Autowired CaseStore store;
    @Autowired CaseNumbers numbers;
    @Autowired CaseRepository repository;
    @Autowired ApplicationEvents events;

    static NewCase report(String ref, String item) {
        return new NewCase(Channel.HOTLINE_12345, ref, null, "王五", "13912345678", false, "D05", "S0501", "东湖路 8 号",
                new java.math.BigDecimal("30.551234"), new java.math.BigDecimal("114.301234"), "湖面漂着油污和垃圾",
                item, "https://img.example.org/lake.jpg");
    }

    long idOf(String ref) {
        return jdbc.queryForObject("SELECT id FROM case_file WHERE channel = 'HOTLINE_12345' AND channel_ref = :r",
                Map.of("r", ref), Long.class);
    }

    /** The office's registration (the operator's form) and a channel's batch write the same rows everywhere. */
    @Test
    void a_report_filed_by_the_batch_intake_is_written_as_the_operators_form_writes_it() {
        // a clerk of the co-handling department with an address: notices and their mails are compared too
        RunAs.user("admin", () -> users.create(new UserForm("g11.intake" + System.nanoTime(), "水务专员",
                Set.of("UNIT_CLERK"), "G11", "g11.intake@example.org", true, "Intake-Test-2026!")), "ADMIN");
        // JOINT (district leads, a department co-handles), TERRITORIAL, and no item (the classification queue)
        for (String item : Arrays.asList("SR-12", "SR-01", null)) {
            String byForm = "H-" + UUID.randomUUID(), byBatch = "H-" + UUID.randomUUID();
            tx.executeWithoutResult(s -> cases.registerAs(report(byForm, item), List.of(), ACTOR));
            List<CaseIntake.Result> results = tx.execute(s -> intake.fileAll(List.of(report(byBatch, item)),
                    List.of(List.of()), ACTOR));

            assertThat(results).singleElement().satisfies(r -> assertThat(r.created()).isTrue());
            Map<String, Object> written = CaseRows.written(jdbc, idOf(byBatch));
            assertThat(written).as(String.valueOf(item)).isEqualTo(CaseRows.written(jdbc, idOf(byForm)));
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

    /**
     * The one definition is the entity's mapping: a case written by the INSERT must be the row Hibernate writes for
     * the same case (a column out of order, or a value in the wrong form, shows here).
     */
    @Test
    void a_case_written_by_the_insert_is_the_row_hibernate_writes_for_it() {
        for (String item : Arrays.asList("SR-12", "SR-01", null)) {
            String byHibernate = "J-" + UUID.randomUUID(), byInsert = "J-" + UUID.randomUUID();
            tx.executeWithoutResult(s -> {
                LocalDateTime now = steps.now();
                var listed = item == null ? null : steps.currentItem(item, now);
                repository.saveAndFlush(steps.newCase(numbers.next(now.toLocalDate()), report(byHibernate, item),
                        listed, ACTOR, now));
                store.insertAll(List.of(steps.newCase(numbers.next(now.toLocalDate()), report(byInsert, item),
                        listed, ACTOR, now)));
            });

            Map<String, Object> inserted = CaseRows.written(jdbc, idOf(byInsert));
            Map<String, Object> hibernate = CaseRows.written(jdbc, idOf(byHibernate));
            assertThat(inserted.get("case")).as(String.valueOf(item)).isEqualTo(hibernate.get("case"));
            assertThat(inserted.get("co_units")).as(String.valueOf(item)).isEqualTo(hibernate.get("co_units"));
            assertThat((List<?>) inserted.get("co_units")).hasSize("SR-12".equals(item) ? 1 : 0);
        }
    }

    /** The operator's form announces its new case as the channels do theirs: one CasesFiled, no CaseChanged. */
    @Test
    void the_operators_form_announces_a_new_case_as_the_channels_do() {
        String ref = "K-" + UUID.randomUUID();
        CaseDetails registered = RunAs.user("operator", () -> cases.register(report(ref, "SR-12"), List.of()),
                AppRoles.OPERATOR);

        assertThat(events.stream(CaseChanged.class)).isEmpty();
        assertThat(events.stream(CasesFiled.class)).singleElement().satisfies(filed -> {
            assertThat(filed.changed()).singleElement().satisfies(c -> {
                assertThat(c.number()).isEqualTo(registered.number());
                assertThat(c.created()).isTrue();
                assertThat(c.createdBy()).isEqualTo("operator");
            });
            assertThat(filed.dispatched()).singleElement()
                    .satisfies(d -> assertThat(d.caseId()).isEqualTo(registered.id()));
        });
        assertThat(registered.trackingCode()).isNotNull();
        assertThat(registered.leadUnitCode()).isNotNull();
    }

    /** A new case has one way in: saving it as a change would announce it as CaseChanged, so it is refused. */
    @Test
    void a_new_case_is_not_saved_as_a_change() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> store.save(steps.newCase("WM209901010001",
                report("L-" + UUID.randomUUID(), null), null, ACTOR, steps.now()))))
                .isInstanceOf(IllegalStateException.class);
    }
}
