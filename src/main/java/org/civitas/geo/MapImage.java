package org.civitas.geo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Draws the districts as a choropleth in Java2D, for the PDF exports (no browser on the server): each area coloured
 * by its rate from red (low) to green (high), grey without a figure, labelled, with a legend; the crowded urban
 * districts again, enlarged. Equirectangular with the longitude scaled by cos(latitude), which at Wuhan's size looks
 * as a web map does.
 */
public final class MapImage {

    /**
     * The lower bounds of the classes above the first: rates of 12345 work sit between 70 and 100 %, and 85 % is
     * the satisfaction band's "good" (docs/design.md §7), so equal fifths would paint every district alike.
     */
    public static final double[] BOUNDS = {0.75, 0.85, 0.90, 0.95};
    /** The classes' colours, low to high; the screen's choropleth uses the same ({@link #hex}). */
    static final Color[] RAMP = {new Color(0xd7, 0x30, 0x27), new Color(0xfc, 0x8d, 0x59),
            new Color(0xfe, 0xe0, 0x8b), new Color(0x91, 0xcf, 0x60), new Color(0x1a, 0x98, 0x50)};
    static final Color NO_DATA = new Color(0xdd, 0xdd, 0xdd);
    private static final String FONT = "/fonts/noto/NotoSansCJKsc-Regular.otf";
    private static volatile Font base;

    private MapImage() {
    }

    /** The main urban area {west, south, east, north}, shown enlarged beside the whole city. */
    static final double[] CENTRAL = {114.14, 30.45, 114.47, 30.67};

    /**
     * The map, {@code width × height} pixels (drawn for a page at half that in points): the whole city on the left
     * with the outer districts labelled, the main urban area enlarged on the right with its districts labelled, the
     * legend below it. {@code rates}: unit code → fraction 0..1 (absent: no figure); {@code legendTitle},
     * {@code centralTitle} and {@code noData} come translated.
     */
    public static BufferedImage choropleth(CityMap map, Map<String, Double> rates, String legendTitle,
                                           String centralTitle, String noData, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double[] city = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (CityMap.Place a : map.areas()) {
                double[] s = map.shape(a).bounds();
                city = new double[] {Math.min(city[0], s[0]), Math.min(city[1], s[1]), Math.max(city[2], s[2]),
                        Math.max(city[3], s[3])};
            }
            int left = width * 46 / 100;
            float label = height / 33f;
            Projection whole = projection(city, 8, 8, left - 16, height - 16);
            view(g, map, rates, whole, new Rectangle(0, 0, left, height), label, false);
            // the enlarged area's outline on the whole city
            double[] nw = whole.at(CENTRAL[0], CENTRAL[3]), se = whole.at(CENTRAL[2], CENTRAL[1]);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.draw(new Rectangle2D.Double(nw[0], nw[1], se[0] - nw[0], se[1] - nw[1]));

            Rectangle inset = new Rectangle(left + 10, 8, width - left - 18, height * 62 / 100);
            Projection central = projection(CENTRAL, inset.x, inset.y + (int) (label * 1.6), inset.width,
                    inset.height - (int) (label * 1.6));
            Shape clip = g.getClip();
            g.setClip(inset);
            view(g, map, rates, central, inset, label, true);
            g.setClip(clip);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(inset);
            g.setFont(font(label));
            g.drawString(centralTitle, inset.x + 8, inset.y + label * 1.2f);
            legend(g, left + 20, inset.y + inset.height + (int) (label * 2.2), label, legendTitle, noData);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Fits {west, south, east, north} into the box, longitude scaled by cos(latitude), centred. */
    private static Projection projection(double[] b, int x, int y, int w, int h) {
        double cos = Math.cos(Math.toRadians((b[1] + b[3]) / 2));
        double scale = Math.min(w / ((b[2] - b[0]) * cos), h / (b[3] - b[1]));
        double dx = x + (w - (b[2] - b[0]) * cos * scale) / 2, dy = y + (h - (b[3] - b[1]) * scale) / 2;
        return (lng, lat) -> new double[] {dx + (lng - b[0]) * cos * scale, dy + (b[3] - lat) * scale};
    }

    /** The areas filled and outlined; labels for the areas whose centre is (central) or is not in the urban area. */
    private static void view(Graphics2D g, CityMap map, Map<String, Double> rates, Projection p, Rectangle box,
                             float label, boolean central) {
        List<CityMap.Place> areas = map.areas();
        for (CityMap.Place a : areas) {
            Path2D path = path(map.shape(a), p);
            if (!path.intersects(box)) {
                continue;
            }
            Double rate = rates.get(a.code());
            g.setColor(rate == null ? NO_DATA : RAMP[classOf(rate)]);
            g.fill(path);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(central ? 2f : 1.2f));
            g.draw(path);
        }
        // the urban districts stand close: their labels a little smaller
        g.setFont(font(central ? label * 0.9f : label));
        for (CityMap.Place a : areas) {
            CityMap.Point c = a.centre();
            boolean inCentre = c.lng() > CENTRAL[0] && c.lng() < CENTRAL[2] && c.lat() > CENTRAL[1]
                    && c.lat() < CENTRAL[3];
            if (inCentre == central) {
                double[] xy = p.at(c.lng(), c.lat());
                int w = g.getFontMetrics().stringWidth(a.label());
                g.setColor(new Color(0x22, 0x22, 0x22));
                g.drawString(a.label(), (float) (xy[0] - w / 2.0), (float) (xy[1] + label / 3));
            }
        }
    }

    /** The class of a rate: how many bounds it reaches. */
    public static int classOf(double rate) {
        int c = 0;
        while (c < BOUNDS.length && rate >= BOUNDS[c]) {
            c++;
        }
        return c;
    }

    /** "<75%", "75%–85%" … "≥95%". */
    public static String classLabel(int c) {
        if (c == 0) {
            return "<" + percent(BOUNDS[0]);
        }
        return c == BOUNDS.length ? "≥" + percent(BOUNDS[c - 1]) : percent(BOUNDS[c - 1]) + "–" + percent(BOUNDS[c]);
    }

    private static String percent(double v) {
        return Math.round(v * 100) + "%";
    }

    /** The colour of a class as CSS hex, for the screen's map. */
    public static String hex(int c) {
        return String.format("#%06x", RAMP[c].getRGB() & 0xffffff);
    }

    public static int classes() {
        return RAMP.length;
    }

    /** The title, then the classes from high to low and "no data", two columns of three. */
    private static void legend(Graphics2D g, int x, int y, float size, String title, String noData) {
        g.setFont(font(size));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, x, y);
        int row = (int) (size * 1.5), box = (int) size, column = (int) (size * 9);
        for (int k = 0; k <= RAMP.length; k++) {
            int i = RAMP.length - 1 - k;
            int bx = x + (k / 3) * column, by = y + (int) (size * 0.8) + (k % 3) * row;
            g.setColor(i >= 0 ? RAMP[i] : NO_DATA);
            g.fillRect(bx, by, box, box);
            g.setColor(Color.DARK_GRAY);
            g.drawString(i >= 0 ? classLabel(i) : noData, bx + box + 8, by + box - 2);
        }
    }

    private interface Projection {
        double[] at(double lng, double lat);
    }

    private static Path2D path(CityMap.Shape shape, Projection p) {
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (List<double[][]> polygon : shape.polygons()) {
            for (double[][] ring : polygon) {
                for (int i = 0; i < ring.length; i++) {
                    double[] xy = p.at(ring[i][0], ring[i][1]);
                    if (i == 0) {
                        path.moveTo(xy[0], xy[1]);
                    } else {
                        path.lineTo(xy[0], xy[1]);
                    }
                }
                path.closePath();
            }
        }
        return path;
    }

    /** The Noto Sans CJK shipped for the PDFs (the server may have no Chinese font installed). */
    private static Font font(float size) {
        Font f = base;
        if (f == null) {
            try (InputStream in = MapImage.class.getResourceAsStream(FONT)) {
                f = in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                f = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
            base = f;
        }
        return f.deriveFont(size);
    }
}
