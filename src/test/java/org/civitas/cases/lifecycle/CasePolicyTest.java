package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Rating;
import org.civitas.cases.RequestKind;
import org.civitas.cases.lifecycle.CasePolicy.Actor;
import org.civitas.cases.lifecycle.CasePolicy.Subject;
import org.civitas.cases.lifecycle.CasePolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what to a case, written out by hand: every role × state × action against the table below, on a case of
 * the district D05 whose own conditions hold (a dissatisfied rating for 重办, a pending request for the decisions),
 * with the clerk and the leader of D05. Then the unit scopes and each action's condition one by one.
 */
class CasePolicyTest {

    /**
     * action → roles that may take it → the states it may start from. OP operator, SUP supervisor, CLK a clerk of
     * the lead unit, INS inspector, LDR the lead unit's leader, ADM, AUD, SEC: the other roles, who act on no case.
     */
    static final String TABLE = """
            DISPATCH            SUP      | REGISTERED
            REDISPATCH          SUP      | DISPATCHED IN_PROGRESS
            SIGN                CLK      | DISPATCHED
            SUB_DISPATCH        CLK      | IN_PROGRESS
            REPLY               CLK      | IN_PROGRESS
            ACCEPT_REPLY        SUP      | REPLIED
            SEND_BACK           SUP      | REPLIED
            REQUEST_RETURN      CLK      | DISPATCHED IN_PROGRESS
            APPROVE_RETURN      SUP      | RETURN_REQUESTED
            REJECT_RETURN       SUP      | RETURN_REQUESTED
            REQUEST_EXTENSION   CLK      | DISPATCHED IN_PROGRESS
            APPROVE_EXTENSION   SUP      | DISPATCHED IN_PROGRESS RETURN_REQUESTED
            REJECT_EXTENSION    SUP      | DISPATCHED IN_PROGRESS RETURN_REQUESTED
            RATE                OP SUP   | REPLIED
            REOPEN              SUP      | REPLIED
            CLOSE               SUP      | REPLIED
            MERGE               SUP      | REGISTERED DISPATCHED IN_PROGRESS
            INVALIDATE          SUP      | REGISTERED DISPATCHED IN_PROGRESS RETURN_REQUESTED
            REMIND              SUP      | DISPATCHED IN_PROGRESS RETURN_REQUESTED
            SUPERVISE           SUP      | DISPATCHED IN_PROGRESS RETURN_REQUESTED REPLIED
            ANSWER_SUPERVISION  CLK      | DISPATCHED IN_PROGRESS RETURN_REQUESTED REPLIED
            REGISTER                     |
            CLOSE_NOT_RATED              |
            """;

    static final Map<String, Actor> ACTORS = new LinkedHashMap<>();

    static {
        ACTORS.put("OP", new Actor(Set.of(AppRoles.OPERATOR), null));
        ACTORS.put("SUP", new Actor(Set.of(AppRoles.SUPERVISOR), null));
        ACTORS.put("CLK", new Actor(Set.of(AppRoles.UNIT_CLERK), "D05"));
        ACTORS.put("INS", new Actor(Set.of(AppRoles.INSPECTOR), null));
        ACTORS.put("LDR", new Actor(Set.of(AppRoles.LEADER), "D05"));
        ACTORS.put("ADM", new Actor(Set.of(AppRoles.ADMIN), null));
        ACTORS.put("AUD", new Actor(Set.of(AppRoles.AUDITOR), null));
        ACTORS.put("SEC", new Actor(Set.of(AppRoles.SECURITY_ADMIN), null));
    }

    record Row(Set<String> roles, Set<CaseStatus> states) {
    }

    static Map<CaseAction, Row> table() {
        Map<CaseAction, Row> rows = new EnumMap<>(CaseAction.class);
        for (String line : TABLE.strip().split("\n")) {
            String[] halves = line.split("\\|", -1);
            String[] left = halves[0].trim().split("\\s+");
            Set<String> roles = new HashSet<>(Arrays.asList(left).subList(1, left.length));
            Set<CaseStatus> states = EnumSet.noneOf(CaseStatus.class);
            for (String s : halves[1].trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    states.add(CaseStatus.valueOf(s));
                }
            }
            rows.put(CaseAction.valueOf(left[0]), new Row(roles, states));
        }
        return rows;
    }

    static Stream<Arguments> everyRoleStateAndAction() {
        return ACTORS.keySet().stream().flatMap(role -> Arrays.stream(CaseStatus.values()).flatMap(state ->
                Arrays.stream(CaseAction.values()).map(action -> Arguments.of(role, state, action))));
    }

    @Test
    void the_table_names_every_action_once() {
        assertThat(table().keySet()).containsExactlyInAnyOrder(CaseAction.values());
    }

    @ParameterizedTest(name = "{0} {2} from {1}")
    @MethodSource("everyRoleStateAndAction")
    void every_role_state_and_action_is_allowed_or_refused_as_the_table_says(String role, CaseStatus state,
                                                                              CaseAction action) {
        Row row = table().get(action);
        boolean expected = row.roles().contains(role) && row.states().contains(state);
        Subject c = aCaseOfD05Where(action, state);
        assertThat(CasePolicy.allows(ACTORS.get(role), c, action)).isEqualTo(expected);
        assertThat(CasePolicy.allowed(ACTORS.get(role), c).contains(action)).isEqualTo(expected);
    }

    // --- unit scope --------------------------------------------------------------------------------------------

    @Test
    void a_clerk_of_another_unit_may_do_nothing_and_the_service_is_denied() {
        Actor jiangan = clerkOf("D01");
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CasePolicy.allowed(jiangan, subject(s, null, Set.of()))).as("%s", s).isEmpty();
        }
        assertThatThrownBy(() -> CasePolicy.require(jiangan, subject(CaseStatus.DISPATCHED, null, Set.of()),
                CaseAction.SIGN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_clerk_without_a_unit_may_do_nothing() {
        Actor nobody = clerkOf(null);
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CasePolicy.allowed(nobody, subject(s, null, Set.of()))).as("%s", s).isEmpty();
        }
    }

    @Test
    void the_street_handling_the_case_signs_replies_and_asks_but_cannot_hand_it_on() {
        Actor street = clerkOf("S0502");
        assertThat(CasePolicy.allowed(street, subject(CaseStatus.IN_PROGRESS, "S0502", Set.of())))
                .containsExactlyInAnyOrder(CaseAction.REPLY, CaseAction.REQUEST_RETURN, CaseAction.REQUEST_EXTENSION,
                        CaseAction.ANSWER_SUPERVISION);
        assertThat(CasePolicy.allowed(street, subject(CaseStatus.DISPATCHED, "S0502", Set.of())))
                .contains(CaseAction.SIGN);
        assertThat(CasePolicy.verdict(street, subject(CaseStatus.IN_PROGRESS, "S0502", Set.of()),
                CaseAction.SUB_DISPATCH)).isEqualTo(Verdict.SCOPE);
        assertThatThrownBy(() -> CasePolicy.require(street, subject(CaseStatus.IN_PROGRESS, "S0502", Set.of()),
                CaseAction.SUB_DISPATCH)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_district_keeps_every_clerk_action_after_handing_the_case_to_a_street() {
        assertThat(CasePolicy.allowed(clerkOf("D05"), subject(CaseStatus.IN_PROGRESS, "S0502", Set.of())))
                .containsExactlyInAnyOrder(CaseAction.SUB_DISPATCH, CaseAction.REPLY, CaseAction.REQUEST_RETURN,
                        CaseAction.REQUEST_EXTENSION, CaseAction.ANSWER_SUPERVISION);
    }

    @Test
    void a_co_unit_clerk_only_answers_supervision() {
        Actor coUnit = clerkOf("D07");
        for (CaseStatus s : CaseStatus.values()) {
            Set<CaseAction> expected = table().get(CaseAction.ANSWER_SUPERVISION).states().contains(s)
                    ? Set.of(CaseAction.ANSWER_SUPERVISION) : Set.of();
            assertThat(CasePolicy.allowed(coUnit, subject(s, null, Set.of()))).as("%s", s)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThatThrownBy(() -> CasePolicy.require(coUnit, subject(CaseStatus.IN_PROGRESS, null, Set.of()),
                CaseAction.REPLY)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_supervisor_who_is_also_a_clerk_gets_both() {
        Actor both = new Actor(Set.of(AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK), "D05");
        assertThat(CasePolicy.allowed(both, subject(CaseStatus.DISPATCHED, null, Set.of())))
                .contains(CaseAction.SIGN, CaseAction.REDISPATCH, CaseAction.INVALIDATE);
    }

    @Test
    void a_supervision_record_is_refused_to_the_wrong_role() {
        assertThatThrownBy(() -> CasePolicy.require(clerkOf("D05"), subject(CaseStatus.IN_PROGRESS, null, Set.of()),
                CaseAction.REMIND)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("supervisor");
        assertThatThrownBy(() -> CasePolicy.require(ACTORS.get("SUP"),
                subject(CaseStatus.IN_PROGRESS, null, Set.of()), CaseAction.ANSWER_SUPERVISION))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- the actions' own conditions ---------------------------------------------------------------------------

    @Test
    void a_reply_is_accepted_once() {
        Subject accepted = new Subject("WM1", CaseStatus.REPLIED, "D05", null, Set.of(), null, true, true, Set.of());
        assertThat(CasePolicy.verdict(ACTORS.get("SUP"), accepted, CaseAction.ACCEPT_REPLY))
                .isEqualTo(Verdict.CONDITION);
        assertRefused(accepted, CaseAction.ACCEPT_REPLY, "case.error.replyAlreadyAccepted");
    }

    @Test
    void a_case_is_rated_once() {
        for (Rating r : Rating.values()) {
            Subject rated = new Subject("WM1", CaseStatus.REPLIED, "D05", null, Set.of(), r, false, true, Set.of());
            assertThat(CasePolicy.allows(ACTORS.get("OP"), rated, CaseAction.RATE)).as("%s", r).isFalse();
            assertRefused(rated, CaseAction.RATE, "case.error.alreadyRated");
        }
    }

    @Test
    void only_a_dissatisfied_case_is_reopened() {
        for (Rating r : Rating.values()) {
            Subject rated = new Subject("WM1", CaseStatus.REPLIED, "D05", null, Set.of(), r, false, true, Set.of());
            assertThat(CasePolicy.allows(ACTORS.get("SUP"), rated, CaseAction.REOPEN)).as("%s", r)
                    .isEqualTo(r == Rating.DISSATISFIED);
        }
        Subject unrated = new Subject("WM1", CaseStatus.REPLIED, "D05", null, Set.of(), null, false, true, Set.of());
        assertThat(CasePolicy.allows(ACTORS.get("SUP"), unrated, CaseAction.REOPEN)).isFalse();
        assertRefused(unrated, CaseAction.REOPEN, "case.error.reopenNeedsDissatisfied");
    }

    @Test
    void an_unclassified_case_is_not_redispatched() {
        Subject unclassified = new Subject("WM1", CaseStatus.DISPATCHED, "D05", null, Set.of(), null, false, false,
                Set.of());
        assertThat(CasePolicy.allows(ACTORS.get("SUP"), unclassified, CaseAction.REDISPATCH)).isFalse();
        assertRefused(unclassified, CaseAction.REDISPATCH, "case.error.notClassified");
    }

    @Test
    void a_request_is_decided_only_while_one_of_its_kind_is_pending() {
        Actor sup = ACTORS.get("SUP");
        Subject none = subject(CaseStatus.RETURN_REQUESTED, null, Set.of());
        Subject extension = subject(CaseStatus.RETURN_REQUESTED, null, Set.of(RequestKind.EXTENSION));
        assertThat(CasePolicy.allowed(sup, none)).doesNotContain(CaseAction.APPROVE_RETURN, CaseAction.REJECT_RETURN,
                CaseAction.APPROVE_EXTENSION, CaseAction.REJECT_EXTENSION);
        assertThat(CasePolicy.allowed(sup, extension)).contains(CaseAction.APPROVE_EXTENSION,
                CaseAction.REJECT_EXTENSION).doesNotContain(CaseAction.APPROVE_RETURN, CaseAction.REJECT_RETURN);
        assertRefused(extension, CaseAction.APPROVE_RETURN, "case.error.requestDecided");
    }

    @Test
    void require_leaves_the_state_to_the_aggregate() {
        Subject closed = subject(CaseStatus.CLOSED, null, Set.of());
        assertThat(CasePolicy.verdict(clerkOf("D05"), closed, CaseAction.SIGN)).isEqualTo(Verdict.STATE);
        assertThatCode(() -> CasePolicy.require(clerkOf("D05"), closed, CaseAction.SIGN)).doesNotThrowAnyException();
    }

    // --- fixtures ----------------------------------------------------------------------------------------------

    /** A case led by D05 with the co-unit D07, in {@code state}, where {@code action}'s own condition holds. */
    static Subject aCaseOfD05Where(CaseAction action, CaseStatus state) {
        Rating rating = action == CaseAction.REOPEN ? Rating.DISSATISFIED : null;
        return new Subject("WM202603020001", state, "D05", null, Set.of("D07"), rating, false, true,
                EnumSet.allOf(RequestKind.class));
    }

    static Subject subject(CaseStatus state, String handlingUnit, Set<RequestKind> pending) {
        return new Subject("WM202603020001", state, "D05", handlingUnit, Set.of("D07"), null, false, true, pending);
    }

    static Actor clerkOf(String unit) {
        return new Actor(Set.of(AppRoles.UNIT_CLERK), unit);
    }

    private static void assertRefused(Subject c, CaseAction action, String key) {
        Actor actor = action == CaseAction.RATE ? ACTORS.get("OP") : ACTORS.get("SUP");
        assertThatThrownBy(() -> CasePolicy.require(actor, c, action)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.key()).isEqualTo(key));
    }
}
