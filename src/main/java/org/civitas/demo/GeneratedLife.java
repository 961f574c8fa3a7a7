package org.civitas.demo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;
import org.civitas.calendar.WorkingCalendar;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.CloseReason;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;

/**
 * How a generated case lived until {@code now}: signed, replied (one in ten late), rated or closed unrated after
 * three working days; a few invalid. Cases still in their deadline stay open, which makes the demo's boards alive.
 */
final class GeneratedLife {

    static final int RATING_WORKING_DAYS = 3;

    private final Random random;
    private final WorkingCalendar calendar;
    private final LocalDateTime now;

    GeneratedLife(Random random, WorkingCalendar calendar, LocalDateTime now) {
        this.random = random;
        this.calendar = calendar;
        this.now = now;
    }

    void live(GeneratedCase g) {
        if (random.nextInt(100) < 2) {
            LocalDateTime at = g.dispatchedAt.plusMinutes(20 + random.nextInt(120));
            if (at.isBefore(now)) {
                g.closedAt = at;
                g.step(at, "supervisor", CaseAction.INVALIDATE, g.status, CaseStatus.INVALID, null, null);
                return;
            }
        }
        Duration signWindow = Duration.between(g.dispatchedAt, g.deadlines.signDueAt());
        LocalDateTime signed = g.dispatchedAt.plus(fraction(signWindow, random.nextInt(20) == 0 ? 1.3 : 0.6));
        if (signed.isAfter(now)) {
            return;
        }
        g.signedAt = signed;
        g.step(signed, DemoActors.clerkOf(g.leadUnit), CaseAction.SIGN, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS, g.leadUnit, null);

        Duration handleWindow = Duration.between(g.dispatchedAt, g.deadlines.handleDueAt());
        boolean late = random.nextInt(10) == 0;
        LocalDateTime replied = g.dispatchedAt.plus(fraction(handleWindow, late ? 1.8 : 0.95));
        if (replied.isBefore(signed)) {
            replied = signed.plusMinutes(5);
        }
        if (replied.isAfter(now)) {
            return;
        }
        g.repliedAt = replied;
        g.outcome = random.nextInt(10) < 8 ? ReplyOutcome.RESOLVED
                : random.nextBoolean() ? ReplyOutcome.EXPLAINED : ReplyOutcome.NOT_SOLVABLE_NOW;
        g.replyText = DemoActors.reply(g.outcome, random);
        g.step(replied, DemoActors.clerkOf(g.leadUnit), CaseAction.REPLY, CaseStatus.IN_PROGRESS, CaseStatus.REPLIED, g.leadUnit, null);
        LocalDateTime accepted = replied.plusMinutes(30 + random.nextInt(600));
        if (accepted.isBefore(now)) {
            g.replyAccepted = true;
            g.step(accepted, "supervisor", CaseAction.ACCEPT_REPLY, CaseStatus.REPLIED, CaseStatus.REPLIED, null,
                    null);
        }
        rateOrClose(g, replied);
    }

    private void rateOrClose(GeneratedCase g, LocalDateTime replied) {
        LocalDateTime ratingLimit = calendar.plusWorkingDays(replied.toLocalDate(), RATING_WORKING_DAYS)
                .plusDays(1).atStartOfDay();
        boolean rates = random.nextInt(100) < 85;
        LocalDateTime rated = replied.plusHours(2 + random.nextInt(48));
        if (rates && rated.isBefore(now) && rated.isBefore(ratingLimit)) {
            int r = random.nextInt(100);
            g.rating = r < 70 ? Rating.SATISFIED : r < 88 ? Rating.BASICALLY_SATISFIED : Rating.DISSATISFIED;
            g.solved = g.rating != Rating.DISSATISFIED && g.outcome == ReplyOutcome.RESOLVED;
            g.ratedAt = rated;
            g.step(rated, "operator", CaseAction.RATE, CaseStatus.REPLIED, CaseStatus.REPLIED, null, null);
            LocalDateTime closed = g.rating.satisfied() ? rated : rated.plusHours(4 + random.nextInt(20));
            if (closed.isBefore(now)) {
                g.closedAt = closed;
                g.closeReason = g.rating.satisfied() ? CloseReason.RATED : CloseReason.SUPERVISOR;
                g.step(closed, g.rating.satisfied() ? "operator" : "supervisor", CaseAction.CLOSE,
                        CaseStatus.REPLIED, CaseStatus.CLOSED, null, null);
            }
        } else if (!ratingLimit.isAfter(now)) {
            g.closedAt = ratingLimit;
            g.closeReason = CloseReason.NOT_RATED;
            g.step(ratingLimit, "system", CaseAction.CLOSE_NOT_RATED, CaseStatus.REPLIED, CaseStatus.CLOSED, null,
                    null);
        }
    }

    private Duration fraction(Duration window, double max) {
        double f = 0.05 + random.nextDouble() * (max - 0.05);
        return Duration.ofSeconds((long) (window.getSeconds() * f));
    }
}
