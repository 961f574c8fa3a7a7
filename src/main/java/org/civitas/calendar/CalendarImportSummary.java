package org.civitas.calendar;

import java.util.List;

/** What an import replaced: the years in the file and how many days of each kind it now lists for them. */
public record CalendarImportSummary(List<Integer> years, int holidays, int workdays) {

    public CalendarImportSummary {
        years = List.copyOf(years);
    }
}
