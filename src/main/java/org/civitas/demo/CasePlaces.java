package org.civitas.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civitas.geo.CityMap;

/**
 * Where a generated case happened (GCJ-02): inside its district's shape (point-in-polygon against the shipped
 * GeoJSON), denser towards the district's centre, near its street's centre when it has one, and one case in eight
 * at a few known crowded spots (a market street, station squares, night-food streets), within metres of each
 * other, so the duplicate finder's 50 m rule has something to find and the heat layer shows clusters.
 *
 * <p>Each district and street gets a pool of points once (normally spread around its centre, rejection-sampled
 * against the shape); a case takes a pool point plus a little jitter, checked once more (≈ 5 µs for the largest
 * shape). Its own {@link Random}, so the rest of the generator draws the same numbers as before.
 */
final class CasePlaces {

    /** A crowded spot: the unit it lies in and its centre. */
    record Spot(String district, double lat, double lng) {
    }

    static final List<Spot> SPOTS = List.of(
            new Spot("D03", 30.5735, 114.2710),  // 汉正街 market street
            new Spot("D02", 30.6180, 114.2555),  // 汉口火车站 station square
            new Spot("D05", 30.5468, 114.3005),  // 户部巷 night-food street
            new Spot("D01", 30.5860, 114.2960),  // 吉庆街 night-food street
            new Spot("D05", 30.5285, 114.3170),  // 武昌火车站 station square
            new Spot("D07", 30.5275, 114.3540)); // 街道口 crossing and shops

    /** ≈ 33 m north–south either way: two cases of one spot are at most ≈ 90 m apart, most well within 50 m. */
    static final double SPOT_JITTER = 0.0003;
    /** ≈ 110 m either way around a pool point. */
    static final double JITTER = 0.001;
    static final int POOL = 2_000;

    private final CityMap map = CityMap.wuhan();
    private final Random random;
    private final Map<String, double[][]> pools = new HashMap<>();
    private final Map<String, List<Spot>> spots = new HashMap<>();

    CasePlaces(long seed) {
        this.random = new Random(seed ^ 0x5eed_ca5e_91acL);
        for (Spot s : SPOTS) {
            if (inside(s.district(), s.lat(), s.lng(), SPOT_JITTER)) {
                spots.computeIfAbsent(s.district(), k -> new ArrayList<>()).add(s);
            }
        }
    }

    /** {latitude, longitude} for a case of the district (and street, or null); null if the map lacks the unit. */
    double[] point(String district, String street) {
        List<Spot> crowded = spots.get(district);
        if (crowded != null && random.nextInt(8) == 0) {
            Spot s = crowded.get(random.nextInt(crowded.size()));
            return moved(district, s.lat(), s.lng(), jitter(SPOT_JITTER), jitter(SPOT_JITTER));
        }
        String key = street != null && map.place(street).isPresent() ? street : district;
        double[][] pool = pools.computeIfAbsent(key, k -> pool(k, district));
        if (pool.length == 0) {
            return null;
        }
        double[] p = pool[random.nextInt(pool.length)];
        return moved(district, p[0], p[1], jitter(JITTER), jitter(JITTER));
    }

    /** The point moved by the jitter, or where it was if that leaves the district (a boundary's narrow spike). */
    private double[] moved(String district, double lat, double lng, double dLat, double dLng) {
        return map.contains(district, lat + dLat, lng + dLng) ? new double[] {lat + dLat, lng + dLng}
                : new double[] {lat, lng};
    }

    private double jitter(double d) {
        return (random.nextDouble() * 2 - 1) * d;
    }

    /**
     * Points around the unit's centre, normally spread (a street: σ ≈ 400 m; a district: a fifth of its extent), kept
     * only if they and their jitter square lie in the district.
     */
    private double[][] pool(String unit, String district) {
        CityMap.Point centre = map.centre(unit).orElse(null);
        if (centre == null || map.shapeOf(district).isEmpty()) {
            return new double[0][];
        }
        double[] b = map.shapeOf(district).get().bounds();
        boolean street = !unit.equals(district);
        double sLat = street ? 0.0036 : (b[3] - b[1]) / 5, sLng = street ? 0.0042 : (b[2] - b[0]) / 5;
        List<double[]> points = new ArrayList<>();
        for (int tries = 0; points.size() < POOL && tries < POOL * 50; tries++) {
            double lat = centre.lat() + random.nextGaussian() * sLat, lng = centre.lng() + random.nextGaussian() * sLng;
            if (inside(district, lat, lng, JITTER)) {
                points.add(new double[] {lat, lng});
            }
        }
        return points.toArray(new double[0][]);
    }

    /** The point and the four corners of its jitter square lie in the district's shape. */
    private boolean inside(String district, double lat, double lng, double d) {
        return map.contains(district, lat, lng) && map.contains(district, lat - d, lng - d)
                && map.contains(district, lat - d, lng + d) && map.contains(district, lat + d, lng - d)
                && map.contains(district, lat + d, lng + d);
    }
}
