package org.civitas.cases.duplicates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Distances between WGS-84 points on the scale of a street (tens of metres): the haversine formula on a sphere of the
 * Earth's mean radius, and the box of coordinates around a point that a radius cannot leave (the SQL prefilter).
 */
public final class GeoDistance {

    static final double EARTH_RADIUS_M = 6_371_000;

    private GeoDistance() {
    }

    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** {south, north, west, east}, a little larger than the circle (rounding of the stored six decimals). */
    public static BigDecimal[] box(double lat, double lon, double radiusM) {
        double dLat = Math.toDegrees(radiusM / EARTH_RADIUS_M) * 1.01 + 0.000001;
        double cos = Math.max(Math.cos(Math.toRadians(lat)), 0.01);
        double dLon = Math.toDegrees(radiusM / (EARTH_RADIUS_M * cos)) * 1.01 + 0.000001;
        return new BigDecimal[] {scaled(lat - dLat), scaled(lat + dLat), scaled(lon - dLon), scaled(lon + dLon)};
    }

    private static BigDecimal scaled(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP);
    }
}
