package org.civitas.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures of a supervisor's or leader's dashboard. The month's figures are over the cases received in the month
 * so far: on time = replied on time ÷ (replied + open and overdue), docs/design.md §5; satisfaction = satisfied or
 * basically satisfied ÷ rated, cases closed as not rated left out.
 */
public record Overview(LocalDate today, YearMonth month, long receivedToday, long receivedThisMonth, Rate onTime,
                       Rate satisfaction, List<ItemCount> topItems, List<DayVolume> trend,
                       List<ChannelCount> channels) {
}
