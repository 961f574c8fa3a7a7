package org.civitas.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.civitas.calendar.DayKind;
import org.civitas.calendar.DeadlineCalculator;
import org.civitas.calendar.LimitUnit;
import org.civitas.calendar.OfficeHours;
import org.civitas.calendar.WorkingCalendar;
import org.civitas.cases.Channel;

/**
 * Loads realistic cases straight into the tables with batched JDBC: the demo data of an empty embedded database,
 * and the bulk data of load tests ({@code count} is any size). Distributions: daytime-heavy arrival, a few hot list
 * items, central districts busier, most old cases closed and rated, a share overdue. Deadlines come from the same
 * {@link DeadlineCalculator} as live cases, so boards and rates computed on generated cases mean something.
 */
public final class CaseGenerator {

    /**
     * @param seasonal arrivals follow the seasonal curve of a city's hotline ({@link #SEASON}: a summer peak, a
     *                 Spring Festival trough) and grow 8 % a year; off: uniform over the range (the demo data)
     */
    public record Options(int count, LocalDateTime from, LocalDateTime to, LocalDateTime now, long seed,
                          boolean seasonal) {

        public Options(int count, LocalDateTime from, LocalDateTime to, LocalDateTime now, long seed) {
            this(count, from, to, now, seed, false);
        }
    }

    /**
     * Relative volume per month (January first): street vending, noise and litter complaints peak in the summer
     * nights, the Spring Festival empties the streets; the shape of published 12345 monthly figures.
     */
    static final double[] SEASON = {0.75, 0.65, 0.9, 1.0, 1.1, 1.2, 1.3, 1.3, 1.1, 0.95, 0.9, 0.85};
    private static final double YEARLY_GROWTH = 0.08;

    record Item(long id, long versionId, String code, String name, String category, boolean emergency, int limit,
                LimitUnit unit, String responsibility, String leadUnit) {
    }

    static final int BATCH = 1000;

    private final DataSource dataSource;
    private final Random random;
    private final Options options;
    private final GeneratedCase.Texts texts;
    private final ComplaintTexts complaints;
    private final CasePlaces places;
    private List<Item> items;
    private List<String> districts;
    private Map<String, List<String>> streets;
    private DeadlineCalculator calculator;
    private WorkingCalendar calendar;

    public CaseGenerator(DataSource dataSource, Options options) {
        this.dataSource = dataSource;
        this.options = options;
        this.random = new Random(options.seed());
        this.texts = GeneratedCase.Texts.load();
        this.complaints = ComplaintTexts.load();
        this.places = new CasePlaces(options.seed());
    }

    /** Inserts {@code options.count()} cases with their history; reports progress every batch. */
    public int generate(IntConsumer progress) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            loadReferenceData(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            long nextId = scalar(c, "select coalesce(max(id), 0) + 1 from case_file");
            Map<LocalDate, Integer> perDay = numberSequences(c);
            try (PreparedStatement cases = c.prepareStatement(GeneratedCase.INSERT_CASE);
                 PreparedStatement coUnits = c.prepareStatement(
                         "insert into case_co_unit (case_id, unit_code) values (?, ?)");
                 PreparedStatement history = c.prepareStatement(GeneratedCase.INSERT_HISTORY)) {
                for (int i = 0; i < options.count(); i++) {
                    GeneratedCase g = next(nextId++, perDay);
                    g.bind(cases);
                    cases.addBatch();
                    if (g.coUnit != null) {
                        coUnits.setLong(1, g.id);
                        coUnits.setString(2, g.coUnit);
                        coUnits.addBatch();
                    }
                    g.bindHistory(history);
                    if ((i + 1) % BATCH == 0 || i + 1 == options.count()) {
                        cases.executeBatch();
                        coUnits.executeBatch();
                        history.executeBatch();
                        c.commit();
                        progress.accept(i + 1);
                    }
                }
            }
            bumpNumberSequences(c, perDay);
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        return options.count();
    }

    private GeneratedCase next(long id, Map<LocalDate, Integer> perDay) {
        LocalDateTime received = receivedAt();
        Item item = items.get(zipf(items.size()));
        String district = districts.get(districtIndex());
        List<String> ofDistrict = streets.getOrDefault(district, List.of());
        String street = !ofDistrict.isEmpty() && random.nextInt(10) < 7
                ? ofDistrict.get(random.nextInt(ofDistrict.size())) : null;
        int seq = perDay.merge(received.toLocalDate(), 1, Integer::sum);
        GeneratedCase g = new GeneratedCase(id, "WM" + received.toLocalDate().toString().replace("-", "")
                + String.format("%04d", seq), received);
        g.channel = channel();
        String address = texts.address(random);
        // the text from a stream of its own, seeded by one draw, so that the rest of a generated case does not change
        String description = complaints.description(new Random(random.nextInt()), item.code(), item.name(), address);
        g.place(district, street, address, description);
        g.point = places.point(district, street);
        g.phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        g.name = random.nextInt(10) == 0 ? null : texts.name(random);
        g.item(item.id(), item.versionId(), item.code(), item.category(), item.emergency() ? "EMERGENCY" : "NORMAL");
        String lead = switch (item.responsibility()) {
            case "DEPARTMENT" -> item.leadUnit();
            default -> district;
        };
        g.coUnit = "JOINT".equals(item.responsibility()) ? item.leadUnit() : null;
        LocalDateTime dispatched = received.plusMinutes(1 + random.nextInt(10));
        var d = calculator.compute(dispatched, item.limit(), item.unit(), item.emergency());
        g.dispatch(lead, dispatched, d);
        new GeneratedLife(random, calendar, options.now()).live(g);
        return g;
    }

    /** Arrivals spread over the range, three in four between 08:00 and 20:00. */
    private LocalDateTime receivedAt() {
        long span = java.time.Duration.between(options.from(), options.to()).toMinutes();
        LocalDateTime t = options.from().plusMinutes((long) (random.nextDouble() * span));
        if (options.seasonal()) {
            // rejection sampling against the seasonal curve and the yearly growth
            double years = span / 525_960.0;
            double max = 1.3 * Math.pow(1 + YEARLY_GROWTH, years);
            while (true) {
                double age = java.time.Duration.between(options.from(), t).toMinutes() / 525_960.0;
                double w = SEASON[t.getMonthValue() - 1] * Math.pow(1 + YEARLY_GROWTH, age);
                if (random.nextDouble() * max <= w) {
                    break;
                }
                t = options.from().plusMinutes((long) (random.nextDouble() * span));
            }
        }
        if (random.nextInt(4) != 0 && (t.getHour() < 8 || t.getHour() >= 20)) {
            t = t.withHour(8 + random.nextInt(12));
        }
        return t.isAfter(options.to()) ? options.to() : t;
    }

    /** A few items draw most reports (Zipf-like, exponent 1). */
    private int zipf(int n) {
        double h = 0;
        for (int k = 1; k <= n; k++) {
            h += 1.0 / k;
        }
        double u = random.nextDouble() * h;
        double acc = 0;
        for (int k = 1; k <= n; k++) {
            acc += 1.0 / k;
            if (u <= acc) {
                // the hottest ranks fall on territorial items (sorted first): street-level 市容 problems lead,
                // as in every city's 12345 figures; the stride spreads the rest over the categories
                return ((k - 1) * 7) % n;
            }
        }
        return n - 1;
    }

    /** Central districts (the first seven) draw twice the reports of the others. */
    private int districtIndex() {
        int weightCentral = 2;
        int total = 7 * weightCentral + (districts.size() - 7);
        int r = random.nextInt(total);
        return r < 7 * weightCentral ? r / weightCentral : 7 + (r - 7 * weightCentral);
    }

    private Channel channel() {
        int r = random.nextInt(100);
        if (r < 55) return Channel.HOTLINE_12345;
        if (r < 75) return Channel.APP;
        if (r < 90) return Channel.WECHAT;
        if (r < 97) return Channel.WEB;
        if (r < 99) return Channel.INSPECTION;
        return Channel.OTHER;
    }

    private void loadReferenceData(Connection c) throws SQLException {
        items = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select i.id, i.list_version_id, i.code, i.name, i.category_code, i.urgency, i.time_limit, i.time_unit,
                       i.responsibility, i.lead_unit_code
                from list_item i join list_version v on v.id = i.list_version_id
                where v.effective_from = (select max(effective_from) from list_version
                                          where effective_from <= current_date)
                order by i.responsibility <> 'TERRITORIAL', i.code""")) {
            while (rs.next()) {
                items.add(new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), "EMERGENCY".equals(rs.getString(6)), rs.getInt(7),
                        LimitUnit.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10)));
            }
        }
        districts = new ArrayList<>();
        streets = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select code, kind, parent_code from unit where active and kind in ('DISTRICT', 'STREET') order by code")) {
            while (rs.next()) {
                if ("DISTRICT".equals(rs.getString(2))) {
                    districts.add(rs.getString(1));
                } else {
                    streets.computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(1));
                }
            }
        }
        Map<LocalDate, DayKind> days = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select day, kind from calendar_day")) {
            while (rs.next()) {
                days.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
            }
        }
        calendar = new WorkingCalendar(days);
        calculator = new DeadlineCalculator(calendar, OfficeHours.standard());
    }

    /** Numbers continue the daily sequences already used, so generated and live cases never share one. */
    private static Map<LocalDate, Integer> numberSequences(Connection c) throws SQLException {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select day, last from case_number_seq")) {
            while (rs.next()) {
                perDay.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
            }
        }
        return perDay;
    }

    private static void bumpNumberSequences(Connection c, Map<LocalDate, Integer> perDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into case_number_seq (day, last) values (?, ?) "
                + "on duplicate key update last = greatest(last, values(last))")) {
            for (var e : perDay.entrySet()) {
                ps.setObject(1, e.getKey());
                ps.setInt(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    static List<String> lines(String resource) {
        try (InputStream in = CaseGenerator.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
