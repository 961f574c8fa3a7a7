package org.civitas.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hot spots (集中问题): the places where one list item gathers, ranked by one score (docs/decisions/DD070). A place is
 * a grid cell of about {@value #CELL_METRES} m when the case has coordinates, otherwise its district, street and
 * the road part of its normalised address. Pure: the cases come in as {@link Fact}s, the ranked spots go out.
 *
 * <pre>score = count + 2 × repeat complainants + 2 × dissatisfied + 3 × overdue + rising</pre>
 *
 * where a repeat complainant is a person (one phone hash) who reported the spot's item there at least twice — counted
 * once however often they called — and rising is how many more cases the last 14 days brought than the 14 before.
 */
public final class HotSpotRanking {

    public static final int CELL_METRES = 200;
    /** A place and item reported fewer times than this in the period is no hot spot. */
    public static final int MIN_COUNT = 2;
    static final int REPEAT_WEIGHT = 2;
    static final int DISSATISFIED_WEIGHT = 2;
    static final int OVERDUE_WEIGHT = 3;
    static final int TREND_DAYS = 14;
    /** Metres per degree of latitude (and of longitude on the equator). */
    private static final double METRES_PER_DEGREE = 111_320;
    private static final double LAT_STEP = CELL_METRES / METRES_PER_DEGREE;

    private HotSpotRanking() {
    }

    /**
     * One case as the ranking sees it. {@code addressKey} is the comparable form of the address (see
     * {@link #addressKey}); {@code complainant} an opaque key of the person (a phone hash), null when unknown.
     */
    public record Fact(String districtCode, String streetCode, String address, String addressKey, Double latitude,
                       Double longitude, String itemCode, String complainant, boolean dissatisfied, boolean overdue,
                       LocalDate received) {
    }

    /**
     * A ranked place: for a cell its centre and the address most cases gave; for an address place the district,
     * street and road, no coordinates. Figures count the period's cases.
     */
    public record Spot(String key, boolean cell, String districtCode, String streetCode, String place,
                       String itemCode, Double latitude, Double longitude, long count, long repeatComplainants,
                       long dissatisfied, long overdue, long rising, long score) {
    }

    /**
     * The spots of the period {@code from}–{@code to} (inclusive), best first, at most {@code limit}. Facts before
     * {@code from} count only for the trend (the 28 days up to {@code to}).
     */
    public static List<Spot> rank(Collection<Fact> facts, LocalDate from, LocalDate to, int limit) {
        LocalDate recentFrom = to.minusDays(TREND_DAYS - 1);
        LocalDate earlierFrom = recentFrom.minusDays(TREND_DAYS);
        Map<String, Acc> spots = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (f.itemCode() == null || f.received().isAfter(to)) {
                continue;
            }
            String place = placeKey(f);
            if (place == null) {
                continue;
            }
            Acc a = spots.computeIfAbsent(place + "#" + f.itemCode(), k -> new Acc(place, f));
            if (!f.received().isBefore(recentFrom)) {
                a.recent++;
            } else if (!f.received().isBefore(earlierFrom)) {
                a.earlier++;
            }
            if (f.received().isBefore(from)) {
                continue;
            }
            a.count++;
            a.dissatisfied += f.dissatisfied() ? 1 : 0;
            a.overdue += f.overdue() ? 1 : 0;
            if (f.complainant() != null) {
                a.calls.merge(f.complainant(), 1, Integer::sum);
            }
            a.addresses.merge(f.address() == null ? "" : f.address(), 1, Integer::sum);
            a.districts.merge(nz(f.districtCode()), 1, Integer::sum);
            a.streets.merge(nz(f.streetCode()), 1, Integer::sum);
        }
        List<Spot> ranked = new ArrayList<>();
        for (Acc a : spots.values()) {
            if (a.count >= MIN_COUNT) {
                ranked.add(a.spot());
            }
        }
        ranked.sort(Comparator.comparingLong(Spot::score).reversed().thenComparing(Comparator.comparingLong(
                Spot::count).reversed()).thenComparing(Spot::key));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    /** The place a case counts for: its cell, or its district + street + address key; null without either. */
    static String placeKey(Fact f) {
        if (f.latitude() != null && f.longitude() != null) {
            long[] c = cell(f.latitude(), f.longitude());
            return "G" + c[0] + ":" + c[1];
        }
        if (f.addressKey() == null || f.addressKey().isEmpty()) {
            return null;
        }
        return "A" + nz(f.districtCode()) + "|" + nz(f.streetCode()) + "|" + f.addressKey();
    }

    /**
     * The cell (row, column) of a point: rows are {@value #CELL_METRES} m of latitude; a row's columns are as many
     * metres of longitude at the row's centre, so a cell is about square wherever the city lies.
     */
    static long[] cell(double lat, double lon) {
        long row = (long) Math.floor(lat / LAT_STEP);
        long col = (long) Math.floor(lon / lonStep(row));
        return new long[] {row, col};
    }

    /** The centre (latitude, longitude) of a cell. */
    static double[] centre(long row, long col) {
        return new double[] {(row + 0.5) * LAT_STEP, (col + 0.5) * lonStep(row)};
    }

    private static double lonStep(long row) {
        return LAT_STEP / Math.cos(Math.toRadians((row + 0.5) * LAT_STEP));
    }

    /**
     * The part of a normalised address that names the road or place: up to its first house number. Callers give
     * different numbers for one stretch of road ("解放大道12号附近", "解放大道30号菜市场"), and the inspector visits the
     * stretch; an address without a number is kept whole.
     */
    public static String addressKey(String normalised) {
        if (normalised == null) {
            return "";
        }
        for (int i = 0; i < normalised.length(); i++) {
            if (Character.isDigit(normalised.charAt(i))) {
                return i >= 2 ? normalised.substring(0, i) : normalised;
            }
        }
        return normalised;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Acc {
        final String place;
        final String item;
        final Map<String, Integer> calls = new HashMap<>();
        final Map<String, Integer> addresses = new TreeMap<>();
        final Map<String, Integer> districts = new TreeMap<>();
        final Map<String, Integer> streets = new TreeMap<>();
        final String addressKey;
        long count, dissatisfied, overdue, recent, earlier;

        Acc(String place, Fact first) {
            this.place = place;
            this.item = first.itemCode();
            this.addressKey = first.addressKey();
        }

        Spot spot() {
            long repeat = calls.values().stream().filter(n -> n >= 2).count();
            long rising = Math.max(0, recent - earlier);
            long score = count + REPEAT_WEIGHT * repeat + DISSATISFIED_WEIGHT * dissatisfied
                    + OVERDUE_WEIGHT * overdue + rising;
            boolean cell = place.startsWith("G");
            Double lat = null, lon = null;
            String label;
            if (cell) {
                String[] rc = place.substring(1).split(":");
                double[] c = centre(Long.parseLong(rc[0]), Long.parseLong(rc[1]));
                lat = Math.round(c[0] * 1e6) / 1e6;
                lon = Math.round(c[1] * 1e6) / 1e6;
                label = most(addresses);
            } else {
                label = addressKey;
            }
            return new Spot(place + "#" + item, cell, blankToNull(most(districts)), blankToNull(most(streets)), label,
                    item, lat, lon, count, repeat, dissatisfied, overdue, rising, score);
        }

        /** The most frequent value, the first in order on a tie. */
        private static String most(Map<String, Integer> counts) {
            String best = "";
            int n = 0;
            for (var e : counts.entrySet()) {
                if (e.getValue() > n) {
                    best = e.getKey();
                    n = e.getValue();
                }
            }
            return best;
        }

        private static String blankToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }
}
