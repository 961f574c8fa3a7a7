package org.civitas.analysis;

import java.time.LocalDate;
import java.time.YearMonth;

/** A half month: the 1st to the 15th, or the 16th to the end of the month. */
public record HalfMonth(YearMonth month, boolean second) {

    public static HalfMonth containing(LocalDate day) {
        return new HalfMonth(YearMonth.from(day), day.getDayOfMonth() > 15);
    }

    public LocalDate first() {
        return second ? month.atDay(16) : month.atDay(1);
    }

    public LocalDate last() {
        return second ? month.atEndOfMonth() : month.atDay(15);
    }

    public HalfMonth previous() {
        return second ? new HalfMonth(month, false) : new HalfMonth(month.minusMonths(1), true);
    }

    public HalfMonth next() {
        return second ? new HalfMonth(month.plusMonths(1), false) : new HalfMonth(month, true);
    }

    /** e.g. {@code 2032-03-1} / {@code 2032-03-2}, for file names and the audit. */
    public String code() {
        return month + "-" + (second ? 2 : 1);
    }
}
