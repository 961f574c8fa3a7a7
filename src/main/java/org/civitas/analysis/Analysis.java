package org.civitas.analysis;

import java.util.List;

/**
 * The half-monthly analysis (半月分析) of one period: the figures the screen, the PDF and the Excel export show.
 * The previous half month's rates are given for comparison; volumes carry the previous count. The concerns are
 * the most repeated street + item combinations (three reports or more), the concentrated problems to act on.
 */
public record Analysis(HalfMonth period, Rates rates, Rates previousRates, List<Volume> districts,
                       List<Volume> streets, List<Volume> categories, List<Volume> items, List<Volume> units,
                       List<Volume> channels, List<HotSpot> addressHotSpots, List<HotSpot> itemHotSpots,
                       List<HotSpot> concerns) {
}
