package org.civitas.cases.ui.intake;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.List;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.PublicCase;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** A report from the public form is offered for merging on the case view, since the citizen was shown nothing. */
class DuplicatesCasePanelTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired CitizenCases citizens;
    @Autowired MutableClock clock;

    @BeforeEach
    void a_tuesday() {
        clock.set(LocalDateTime.of(2026, 7, 14, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_supervisor_sees_the_earlier_open_case_at_the_same_place_and_a_clerk_sees_no_such_panel() {
        long n = System.nanoTime() % 1_000_000_000;
        String address = "合并路 " + n + " 号";
        login("operator");
        CaseDetails earlier = cases.register(aReport().item("SR-05").in("D05", "S0503").address(address).build());
        CaseDetails elsewhere = cases.register(aReport().item("SR-05").in("D05", "S0503").address("合并路 " + (n + 7) + " 号")
                .build());
        SecurityContextHolder.clearContext();
        PublicCase web = citizens.report(aReport().channel(Channel.WEB, null).item("SR-05").in("D05", "S0503")
                .address(address).phone("13900001111").build(), List.of());

        login("supervisor");
        navigate("cases/" + web.id());
        IntakeDuplicates panel = _get(IntakeDuplicates.class, spec -> spec.withId("case-duplicates"));
        assertThat(panel.grid.getListDataView().getItems().map(m -> m.details().number()).toList())
                .containsExactly(earlier.number()).doesNotContain(elsewhere.number(), web.number());

        navigate("cases/" + elsewhere.id());
        _assertNone(IntakeDuplicates.class);

        login("clerk.wuchang");
        navigate("cases/" + web.id());
        _assertNone(IntakeDuplicates.class);
    }
}
