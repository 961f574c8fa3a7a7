package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.calendar.Deadlines;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.CloseReason;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.intake.NewCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every transition method of the aggregate, tried from every state: it applies exactly when the table allows it,
 * writes one history row when it does, and changes nothing when it refuses.
 */
class CaseFileTransitionsTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);
    static final Deadlines D = new Deadlines(T0.plusDays(1), T0.plusDays(3), T0.plusDays(2));
    static final ItemRef ITEM = new ItemRef(1L, 1L, "SR-02", "SR", "NORMAL");

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void each_action_applies_only_where_the_table_allows_it(CaseStatus state) {
        for (CaseAction action : CaseAction.values()) {
            if (action == CaseAction.REGISTER) {
                continue;
            }
            CaseFile c = inState(state);
            c.drainHistory();
            if (action.allowedFrom(state)) {
                apply(c, action);
                assertThat(c.getStatus()).as("%s from %s", action, state).isIn(action.target(state), CaseStatus.CLOSED);
                assertThat(c.drainHistory()).as("history of %s from %s", action, state).isNotEmpty();
            } else {
                assertThatThrownBy(() -> apply(c, action)).as("%s from %s", action, state)
                        .isInstanceOfSatisfying(RuleViolation.class,
                                v -> assertThat(v.key()).isEqualTo("case.error.illegalMove"));
                assertThat(c.getStatus()).isEqualTo(state);
                assertThat(c.drainHistory()).isEmpty();
            }
        }
    }

    static CaseFile inState(CaseStatus state) {
        CaseFile c = new CaseFile("WM202603020001", report(), "operator", T0);
        switch (state) {
            case REGISTERED -> { }
            case DISPATCHED -> dispatch(c);
            case IN_PROGRESS -> sign(dispatch(c));
            case RETURN_REQUESTED -> dispatch(c).requestReturn("clerk", T0, "not ours");
            case REPLIED -> reply(sign(dispatch(c)));
            case CLOSED -> reply(sign(dispatch(c))).close(CaseAction.CLOSE, CloseReason.SUPERVISOR, "sup", T0, "done");
            case INVALID -> c.invalidate("sup", T0, "spam");
            case MERGED -> c.mergeInto(master(), "sup", T0);
        }
        assertThat(c.getStatus()).isEqualTo(state);
        return c;
    }

    static void apply(CaseFile c, CaseAction action) {
        switch (action) {
            case DISPATCH, REDISPATCH, APPROVE_RETURN, REOPEN ->
                    c.assign(action, ITEM, "D05", Set.of(), D, "sup", T0, "note");
            case SIGN -> c.sign("clerk", T0);
            case SUB_DISPATCH -> c.subDispatch("S0501", "clerk", T0);
            case REPLY -> c.reply(ReplyOutcome.RESOLVED, "done", "clerk", T0);
            case ACCEPT_REPLY -> c.acceptReply("sup", T0, null);
            case SEND_BACK -> c.sendBack("sup", T0, "not enough");
            case REQUEST_RETURN -> c.requestReturn("clerk", T0, "not ours");
            case REJECT_RETURN -> c.rejectReturn("sup", T0, "yours");
            case REQUEST_EXTENSION, APPROVE_EXTENSION, REJECT_EXTENSION, REMIND, SUPERVISE, ANSWER_SUPERVISION ->
                    c.recordRequest(action, "x", T0, "n");
            case RATE -> c.rate(Rating.DISSATISFIED, false, "operator", T0, null);
            case CLOSE -> c.close(CaseAction.CLOSE, CloseReason.SUPERVISOR, "sup", T0, "reason");
            case CLOSE_NOT_RATED -> c.close(CaseAction.CLOSE_NOT_RATED, CloseReason.NOT_RATED, "system", T0, null);
            case MERGE -> c.mergeInto(master(), "sup", T0);
            case INVALIDATE -> c.invalidate("sup", T0, "spam");
            case REGISTER -> throw new IllegalArgumentException();
        }
    }

    private static CaseFile dispatch(CaseFile c) {
        c.assign(CaseAction.DISPATCH, ITEM, "D05", Set.of(), D, "system", T0, null);
        return c;
    }

    private static CaseFile sign(CaseFile c) {
        c.sign("clerk", T0);
        return c;
    }

    private static CaseFile reply(CaseFile c) {
        c.reply(ReplyOutcome.RESOLVED, "done", "clerk", T0);
        return c;
    }

    private static CaseFile master() {
        CaseFile m = new CaseFile("WM202603020002", report(), "operator", T0);
        org.springframework.test.util.ReflectionTestUtils.setField(m, "id", 99L);
        return m;
    }

    static NewCase report() {
        return new NewCase(Channel.HOTLINE_12345, null, T0, "张三", "13812345678", false, "D05", "S0501",
                "中华路 1 号", null, null, "道路有垃圾", "SR-02");
    }
}
