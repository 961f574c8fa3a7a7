package org.civitas.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    /**
     * Reads the configuration form {@code 08:30-12:00,14:00-17:30}: periods separated by commas, each a start and an
     * end time joined by a hyphen. Spaces around the parts are ignored.
     */
    public static OfficeHours parse(String text) {
        Require.notNull(text, "office hours");
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] times = part.split("-");
            if (times.length != 2) {
                throw new IllegalArgumentException("office period must look like 08:30-12:00, was '" + part.trim()
                        + "' in '" + text + "'");
            }
            try {
                periods.add(new Period(LocalTime.parse(times[0].trim()), LocalTime.parse(times[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad time in office period '" + part.trim() + "'", e);
            }
        }
        return new OfficeHours(periods);
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
