package org.civitas.calendar;

import java.time.LocalTime;
import java.util.List;

/** The office periods of a working day, in order; the gaps between them (lunch) are not office time. */
public record OfficeHours(List<Period> periods) {

    public OfficeHours {
        Require.notNull(periods, "periods");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one period");
        }
        periods.forEach(period -> Require.notNull(period, "period"));
        periods = List.copyOf(periods);
        for (int i = 1; i < periods.size(); i++) {
            // Touching periods are allowed; overlap would count the same minutes twice.
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("office periods must be sorted and must not overlap: " + periods);
            }
        }
    }

    public static OfficeHours standard() {
        return new OfficeHours(List.of(
                new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                new Period(LocalTime.of(14, 0), LocalTime.of(17, 30))));
    }

    public LocalTime endOfDay() {
        return periods.get(periods.size() - 1).end();
    }

    /** One stretch of office time within a single day. */
    public record Period(LocalTime start, LocalTime end) {

        public Period {
            Require.notNull(start, "start");
            Require.notNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("office period must start before it ends: " + start + "-" + end);
            }
        }
    }
}
