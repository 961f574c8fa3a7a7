package org.civitas.cases.lifecycle;

import static org.civitas.cases.CaseAction.ACCEPT_REPLY;
import static org.civitas.cases.CaseAction.ANSWER_SUPERVISION;
import static org.civitas.cases.CaseAction.APPROVE_EXTENSION;
import static org.civitas.cases.CaseAction.APPROVE_RETURN;
import static org.civitas.cases.CaseAction.CLOSE;
import static org.civitas.cases.CaseAction.DISPATCH;
import static org.civitas.cases.CaseAction.INVALIDATE;
import static org.civitas.cases.CaseAction.MERGE;
import static org.civitas.cases.CaseAction.RATE;
import static org.civitas.cases.CaseAction.REDISPATCH;
import static org.civitas.cases.CaseAction.REJECT_EXTENSION;
import static org.civitas.cases.CaseAction.REJECT_RETURN;
import static org.civitas.cases.CaseAction.REMIND;
import static org.civitas.cases.CaseAction.REOPEN;
import static org.civitas.cases.CaseAction.REPLY;
import static org.civitas.cases.CaseAction.REQUEST_EXTENSION;
import static org.civitas.cases.CaseAction.REQUEST_RETURN;
import static org.civitas.cases.CaseAction.SEND_BACK;
import static org.civitas.cases.CaseAction.SIGN;
import static org.civitas.cases.CaseAction.SUB_DISPATCH;
import static org.civitas.cases.CaseAction.SUPERVISE;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Rating;
import org.civitas.cases.RequestKind;
import org.springframework.security.access.AccessDeniedException;

/**
 * May this user take this action on this case now: the role, the unit's scope, the action's own condition and the
 * case's state ({@link CaseAction}'s table), in that order. The case view shows a button only for what
 * {@link #allowed} answers; the services ask {@link #require} after their role guard and refuse with the same
 * exceptions. The state is refused by the aggregate itself ({@code CaseFile.move}, reading the same table), so a
 * refused move keeps its place after the services' input checks. Reading a case is {@link CaseAccess}'s rule.
 */
public final class CasePolicy {

    /** Who acts: their roles ({@link AppRoles}) and, for a unit's staff, their unit. */
    public record Actor(Set<String> roles, String unitCode) {
        public Actor {
            roles = Set.copyOf(roles);
        }

        boolean has(String role) {
            return roles.contains(role);
        }
    }

    /**
     * What the policy reads of a case. {@code pendingRequests}: the kinds of request awaiting a decision; only the
     * decisions on requests read it.
     */
    public record Subject(String number, CaseStatus status, String leadUnitCode, String handlingUnitCode,
                          Set<String> coUnitCodes, Rating rating, boolean replyAccepted, boolean classified,
                          Set<RequestKind> pendingRequests) {
        public Subject {
            coUnitCodes = Set.copyOf(coUnitCodes);
            pendingRequests = pendingRequests.isEmpty() ? Set.of() : Set.copyOf(pendingRequests);
        }

        static Subject of(CaseDetails c, Set<RequestKind> pending) {
            return new Subject(c.number(), c.status(), c.leadUnitCode(), c.handlingUnitCode(),
                    c.coUnitCodes() == null ? Set.of() : c.coUnitCodes(), c.rating(), c.replyAccepted(),
                    c.listVersionId() != null, pending);
        }

        static Subject of(CaseFile c, Set<RequestKind> pending) {
            return new Subject(c.getNumber(), c.getStatus(), c.getLeadUnitCode(), c.getHandlingUnitCode(),
                    c.getCoUnitCodes(), c.getRating(), c.isReplyAccepted(), c.getListVersionId() != null, pending);
        }

        static Subject of(CaseFile c) {
            return of(c, Set.of());
        }
    }

    /** Which unit's clerk may act: none (city-wide roles), or the unit's relation to the case. */
    enum Scope {
        /** City-wide: a supervisor or an operator acts on every case. */
        CITY,
        /** The lead unit or the street it handed the case to (签收, 答复, 退回, 延期). */
        HANDLING,
        /** Only the lead unit hands the case on to one of its streets; the street cannot pass it further. */
        LEAD,
        /** Any unit the case concerns, co-units too (the answer to a supervision order). */
        CONCERNED
    }

    /** Why an action is refused, or ALLOWED. */
    public enum Verdict { ALLOWED, ROLE, SCOPE, CONDITION, STATE }

    private record Rule(Set<String> roles, Scope scope) {
    }

    private static final Set<String> SUPERVISOR = Set.of(AppRoles.SUPERVISOR);
    private static final Set<String> CLERK = Set.of(AppRoles.UNIT_CLERK);
    private static final Map<CaseAction, Rule> RULES = new EnumMap<>(CaseAction.class);

    static {
        // REGISTER is not an action on a case, CLOSE_NOT_RATED only the system's: no user may take them here
        for (CaseAction a : EnumSet.of(DISPATCH, REDISPATCH, ACCEPT_REPLY, SEND_BACK, APPROVE_RETURN, REJECT_RETURN,
                APPROVE_EXTENSION, REJECT_EXTENSION, REOPEN, CLOSE, MERGE, INVALIDATE, REMIND, SUPERVISE)) {
            RULES.put(a, new Rule(SUPERVISOR, Scope.CITY));
        }
        RULES.put(RATE, new Rule(Set.of(AppRoles.OPERATOR, AppRoles.SUPERVISOR), Scope.CITY));
        for (CaseAction a : EnumSet.of(SIGN, REPLY, REQUEST_RETURN, REQUEST_EXTENSION)) {
            RULES.put(a, new Rule(CLERK, Scope.HANDLING));
        }
        RULES.put(SUB_DISPATCH, new Rule(CLERK, Scope.LEAD));
        RULES.put(ANSWER_SUPERVISION, new Rule(CLERK, Scope.CONCERNED));
    }

    private CasePolicy() {
    }

    /** Every action {@code actor} may take on {@code c} now. */
    public static Set<CaseAction> allowed(Actor actor, Subject c) {
        Set<CaseAction> result = EnumSet.noneOf(CaseAction.class);
        for (CaseAction a : CaseAction.values()) {
            if (allows(actor, c, a)) {
                result.add(a);
            }
        }
        return result;
    }

    public static boolean allows(Actor actor, Subject c, CaseAction action) {
        return verdict(actor, c, action) == Verdict.ALLOWED;
    }

    /** The first reason to refuse, in the order role, scope, condition, state; or ALLOWED. */
    public static Verdict verdict(Actor actor, Subject c, CaseAction action) {
        Rule rule = RULES.get(action);
        if (rule == null || rule.roles().stream().noneMatch(actor::has)) {
            return Verdict.ROLE;
        }
        if (!inScope(rule.scope(), actor, c)) {
            return Verdict.SCOPE;
        }
        if (unmet(action, c).isPresent()) {
            return Verdict.CONDITION;
        }
        return action.allowedFrom(c.status()) ? Verdict.ALLOWED : Verdict.STATE;
    }

    /**
     * Refuses the role or the unit with {@link AccessDeniedException} and an unmet condition with its
     * {@link RuleViolation}; the state is left to the aggregate's move (see the class comment).
     */
    public static void require(Actor actor, Subject c, CaseAction action) {
        Rule rule = RULES.get(action);
        if (rule == null || rule.roles().stream().noneMatch(actor::has)) {
            throw new AccessDeniedException(action + (SUPERVISOR.equals(rule == null ? null : rule.roles())
                    ? " needs a supervisor" : " is not an action of roles " + actor.roles()));
        }
        if (!inScope(rule.scope(), actor, c)) {
            throw new AccessDeniedException(rule.scope() == Scope.CONCERNED
                    ? "case " + c.number() + " is not a case of the clerk's unit"
                    : "case " + c.number() + " is not handled by " + actor.unitCode());
        }
        requireCondition(action, c);
    }

    /** The action's own condition, whoever acts: also the aggregate's guard (a citizen's rating goes through it). */
    static void requireCondition(CaseAction action, Subject c) {
        Optional<RuleViolation> v = unmet(action, c);
        if (v.isPresent()) {
            throw v.get();
        }
    }

    private static Optional<RuleViolation> unmet(CaseAction action, Subject c) {
        RuleViolation v = switch (action) {
            case ACCEPT_REPLY -> c.replyAccepted() ? new RuleViolation("case.error.replyAlreadyAccepted", c.number())
                    : null;
            case RATE -> c.rating() != null ? new RuleViolation("case.error.alreadyRated", c.number()) : null;
            // 重办 only when the complainant was dissatisfied
            case REOPEN -> c.rating() != Rating.DISSATISFIED
                    ? new RuleViolation("case.error.reopenNeedsDissatisfied", c.number()) : null;
            // 改派 keeps the item of the dispatch; a case never classified is dispatched, not redispatched
            case REDISPATCH -> !c.classified() ? new RuleViolation("case.error.notClassified", c.number()) : null;
            case APPROVE_RETURN, REJECT_RETURN -> pending(c, RequestKind.RETURN);
            case APPROVE_EXTENSION, REJECT_EXTENSION -> pending(c, RequestKind.EXTENSION);
            default -> null;
        };
        return Optional.ofNullable(v);
    }

    private static RuleViolation pending(Subject c, RequestKind kind) {
        return c.pendingRequests().contains(kind) ? null : new RuleViolation("case.error.requestDecided");
    }

    private static boolean inScope(Scope scope, Actor actor, Subject c) {
        String unit = actor.unitCode();
        return switch (scope) {
            case CITY -> true;
            case HANDLING -> unit != null && (unit.equals(c.leadUnitCode()) || unit.equals(c.handlingUnitCode()));
            case LEAD -> unit != null && unit.equals(c.leadUnitCode());
            case CONCERNED -> unit != null && (unit.equals(c.leadUnitCode()) || unit.equals(c.handlingUnitCode())
                    || c.coUnitCodes().contains(unit));
        };
    }
}
