package org.civitas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.CaseStatus.CLOSED;
import static org.civitas.cases.CaseStatus.DISPATCHED;
import static org.civitas.cases.CaseStatus.INVALID;
import static org.civitas.cases.CaseStatus.IN_PROGRESS;
import static org.civitas.cases.CaseStatus.MERGED;
import static org.civitas.cases.CaseStatus.REGISTERED;
import static org.civitas.cases.CaseStatus.REPLIED;
import static org.civitas.cases.CaseStatus.RETURN_REQUESTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of docs/design.md §4 by hand, independently of {@link CaseAction}: every (state, action) pair
 * is either allowed, leading to the named state, or refused.
 */
class CaseActionTableTest {

    /** action → (from state → resulting state); pairs not listed are refused. */
    static final Map<CaseAction, Map<CaseStatus, CaseStatus>> EXPECTED = new EnumMap<>(CaseAction.class);

    static {
        allow(CaseAction.DISPATCH, REGISTERED, DISPATCHED);
        allow(CaseAction.REDISPATCH, DISPATCHED, DISPATCHED);
        allow(CaseAction.REDISPATCH, IN_PROGRESS, DISPATCHED);
        allow(CaseAction.SIGN, DISPATCHED, IN_PROGRESS);
        allow(CaseAction.SUB_DISPATCH, IN_PROGRESS, IN_PROGRESS);
        allow(CaseAction.REPLY, IN_PROGRESS, REPLIED);
        allow(CaseAction.ACCEPT_REPLY, REPLIED, REPLIED);
        allow(CaseAction.SEND_BACK, REPLIED, IN_PROGRESS);
        allow(CaseAction.REQUEST_RETURN, DISPATCHED, RETURN_REQUESTED);
        allow(CaseAction.REQUEST_RETURN, IN_PROGRESS, RETURN_REQUESTED);
        allow(CaseAction.APPROVE_RETURN, RETURN_REQUESTED, DISPATCHED);
        allow(CaseAction.REJECT_RETURN, RETURN_REQUESTED, IN_PROGRESS);
        allow(CaseAction.REQUEST_EXTENSION, DISPATCHED, DISPATCHED);
        allow(CaseAction.REQUEST_EXTENSION, IN_PROGRESS, IN_PROGRESS);
        for (CaseStatus s : EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED)) {
            allow(CaseAction.APPROVE_EXTENSION, s, s);
            allow(CaseAction.REJECT_EXTENSION, s, s);
        }
        allow(CaseAction.RATE, REPLIED, REPLIED);
        allow(CaseAction.REOPEN, REPLIED, DISPATCHED);
        allow(CaseAction.CLOSE, REPLIED, CLOSED);
        allow(CaseAction.CLOSE_NOT_RATED, REPLIED, CLOSED);
        for (CaseStatus s : EnumSet.of(REGISTERED, DISPATCHED, IN_PROGRESS)) {
            allow(CaseAction.MERGE, s, MERGED);
        }
        for (CaseStatus s : EnumSet.of(REGISTERED, DISPATCHED, IN_PROGRESS, RETURN_REQUESTED)) {
            allow(CaseAction.INVALIDATE, s, INVALID);
        }
        // supervision: a reminder while the unit still owes the answer; a supervision order and its answer also on
        // a replied case (the supervisor may find the reply wanting); none of them moves the case
        for (CaseStatus s : EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED)) {
            allow(CaseAction.REMIND, s, s);
        }
        for (CaseStatus s : EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, REPLIED)) {
            allow(CaseAction.SUPERVISE, s, s);
            allow(CaseAction.ANSWER_SUPERVISION, s, s);
        }
    }

    private static void allow(CaseAction action, CaseStatus from, CaseStatus to) {
        EXPECTED.computeIfAbsent(action, a -> new EnumMap<>(CaseStatus.class)).put(from, to);
    }

    @Test
    void every_state_and_action_pair_is_allowed_or_refused_as_the_design_says() {
        int checked = 0;
        for (CaseAction action : CaseAction.values()) {
            Map<CaseStatus, CaseStatus> allowed = EXPECTED.getOrDefault(action, Map.of());
            for (CaseStatus state : CaseStatus.values()) {
                boolean expected = allowed.containsKey(state);
                assertThat(action.allowedFrom(state)).as("%s from %s", action, state).isEqualTo(expected);
                if (expected) {
                    assertThat(action.target(state)).as("%s from %s", action, state).isEqualTo(allowed.get(state));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(CaseAction.values().length * CaseStatus.values().length);
    }

    @Test
    void nothing_leaves_a_final_state() {
        for (CaseStatus end : EnumSet.of(CLOSED, INVALID, MERGED)) {
            for (CaseAction action : CaseAction.values()) {
                assertThat(action.allowedFrom(end)).as("%s from %s", action, end).isFalse();
            }
        }
    }

    @Test
    void registering_starts_from_no_state() {
        Set<CaseStatus> none = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseAction.REGISTER.allowedFrom(s)).isFalse();
        }
        assertThat(CaseAction.REGISTER.from()).isEqualTo(none);
    }
}
