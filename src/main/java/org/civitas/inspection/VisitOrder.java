package org.civitas.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.analysis.RankedSpot;

/**
 * The visiting order of a 暗访计划 (docs/decisions/DD070): the stops with coordinates as a nearest-neighbour route
 * from the best-scored one (each next stop the closest not yet visited), then the stops without coordinates grouped
 * by district and street, so the team walks one street before the next. Pure, no Spring.
 */
public final class VisitOrder {

    private static final double METRES_PER_DEGREE = 111_320;

    private VisitOrder() {
    }

    public static List<PlanStop> order(List<PlanStop> stops) {
        Comparator<PlanStop> best = Comparator.comparingLong((PlanStop s) -> s.spot().score()).reversed()
                .thenComparing(s -> s.spot().key());
        List<PlanStop> located = new ArrayList<>(), unlocated = new ArrayList<>();
        for (PlanStop s : stops) {
            (s.spot().latitude() != null && s.spot().longitude() != null ? located : unlocated).add(s);
        }
        List<PlanStop> route = new ArrayList<>();
        located.sort(best);
        while (!located.isEmpty()) {
            PlanStop next = route.isEmpty() ? located.get(0) : nearest(route.get(route.size() - 1), located);
            located.remove(next);
            route.add(next);
        }
        // districts, then streets within them, in the order of their best stop; the stops of a street best first
        unlocated.sort(best);
        Map<String, Map<String, List<PlanStop>>> groups = new LinkedHashMap<>();
        for (PlanStop s : unlocated) {
            groups.computeIfAbsent(nz(s.spot().districtCode()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(nz(s.spot().streetCode()), k -> new ArrayList<>()).add(s);
        }
        groups.values().forEach(streets -> streets.values().forEach(route::addAll));
        return route;
    }

    /** The closest stop to {@code from} (ties: the better score, then the key, as the list is sorted). */
    private static PlanStop nearest(PlanStop from, List<PlanStop> candidates) {
        PlanStop best = null;
        double bestDistance = Double.MAX_VALUE;
        for (PlanStop c : candidates) {
            double d = metres(from.spot(), c.spot());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Distance over a city's extent: the flat (equirectangular) approximation is within metres of the great circle. */
    static double metres(RankedSpot a, RankedSpot b) {
        double meanLat = Math.toRadians((a.latitude() + b.latitude()) / 2);
        double dx = (b.longitude() - a.longitude()) * Math.cos(meanLat) * METRES_PER_DEGREE;
        double dy = (b.latitude() - a.latitude()) * METRES_PER_DEGREE;
        return Math.hypot(dx, dy);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
