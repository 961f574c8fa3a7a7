package org.civitas.analysis;

import java.util.List;

/**
 * The half-monthly analysis (半月分析) of one period: the figures the screen, the PDF and the Excel export show.
 * The previous half month's rates are given for comparison; volumes carry the previous count. The hot spots are
 * the concentrated problems (集中问题) to act on: places where one item gathers, ranked (docs/decisions/DD070); the
 * address and street + item counts are the plain repeats behind them.
 */
public record Analysis(HalfMonth period, Rates rates, Rates previousRates, List<Volume> districts,
                       List<Volume> streets, List<Volume> categories, List<Volume> items, List<Volume> units,
                       List<Volume> channels, List<HotSpot> addressHotSpots, List<HotSpot> itemHotSpots,
                       List<RankedSpot> hotSpots) {
}
