package org.civitas.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;

/**
 * Finds the district and street in an address or text (DD050): the units' own names (江岸区, 大智街道), their short
 * forms and landmarks from {@code classify/place-aliases.csv} (武昌, 光谷, 汉口 split three ways), and the roads of past
 * cases' addresses with the districts they were in. The address is read first; the text only when the address names
 * nothing, and then a little less surely.
 */
final class PlaceFinder {

    /** A road at the start of an address: 和平大道 of "和平大道 88 号", 中山路 of "武昌区中山路 12 号". */
    private static final Pattern ROAD = Pattern.compile("^([\\p{IsHan}]{1,10}?(?:大道|大街|路|街|巷|里|道))");
    static final List<Alias> ALIASES = loadAliases();

    record Alias(String alias, String unitCode, double confidence) {
    }

    private record Candidate(String district, String street, double confidence, String evidence) {
    }

    private final List<UnitView> districts;
    private final List<UnitView> streets;
    private final Map<String, Map<String, Integer>> learnedRoads;

    PlaceFinder(List<UnitView> units, Map<String, Map<String, Integer>> learnedRoads) {
        this.districts = units.stream().filter(u -> u.kind() == UnitKind.DISTRICT && u.active()).toList();
        this.streets = units.stream().filter(u -> u.kind() == UnitKind.STREET && u.active()).toList();
        this.learnedRoads = learnedRoads;
    }

    Place find(String address, String text) {
        Optional<Candidate> fromAddress = best(Features.normalise(address), true);
        Candidate c = fromAddress.or(() -> best(Features.normalise(text), false)
                .map(t -> new Candidate(t.district(), t.street(), t.confidence() * 0.9, t.evidence()))).orElse(null);
        if (c == null) {
            return Place.NONE;
        }
        String districtName = name(districts, c.district());
        String streetName = c.street() == null ? null : name(streets, c.street());
        return new Place(c.district(), districtName, c.street(), streetName, Math.round(c.confidence() * 100) / 100.0,
                c.evidence());
    }

    private Optional<Candidate> best(String s, boolean address) {
        if (s.isBlank()) {
            return Optional.empty();
        }
        List<Candidate> found = new ArrayList<>();
        for (UnitView d : districts) {
            if (s.contains(Features.normalise(d.name()))) {
                found.add(new Candidate(d.code(), null, 0.95, d.name()));
            }
        }
        for (UnitView st : streets) {
            for (String form : streetForms(st)) {
                if (s.contains(form)) {
                    found.add(new Candidate(st.parentCode(), st.code(), form.endsWith("街道") ? 0.95 : 0.85, form));
                    break;
                }
            }
        }
        // the longest alias found wins over the shorter ones inside it (东湖高新 over 东湖)
        ALIASES.stream().filter(a -> s.contains(a.alias()))
                .max(Comparator.comparingInt((Alias a) -> a.alias().length()).thenComparingDouble(Alias::confidence)
                        .thenComparing(Alias::unitCode, Comparator.reverseOrder()))
                .ifPresent(a -> found.add(new Candidate(a.unitCode(), null, a.confidence(), a.alias())));
        if (address) {
            learned(s).ifPresent(found::add);
        }
        // the surest; a street beats its bare district at the same confidence
        return found.stream().filter(c -> districts.stream().anyMatch(d -> d.code().equals(c.district())))
                .max(Comparator.comparingDouble(Candidate::confidence)
                        .thenComparing(c -> c.street() != null)
                        .thenComparing(Candidate::district, Comparator.reverseOrder()));
    }

    /** The district most of the past cases on this address's road were in, as sure as they agree and are many. */
    private Optional<Candidate> learned(String address) {
        String road = road(address);
        Map<String, Integer> counts = road == null ? null : learnedRoads.get(road);
        if (counts == null || counts.isEmpty()) {
            return Optional.empty();
        }
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        Map.Entry<String, Integer> top = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow();
        double confidence = Math.min(0.9, (double) top.getValue() / n * n / (n + 3.0));
        return Optional.of(new Candidate(top.getKey(), null, confidence, road));
    }

    /** The road an address starts with, after any district name, or null. */
    static String road(String address) {
        String s = Features.normalise(address).replaceAll("\\s+", "");
        s = s.replaceFirst("^(武汉市)?[\\p{IsHan}]{1,8}?区", "");
        Matcher m = ROAD.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private List<String> streetForms(UnitView street) {
        String own = Features.normalise(street.name());
        String parent = name(districts, street.parentCode());
        String bare = parent != null && own.startsWith(Features.normalise(parent))
                ? own.substring(Features.normalise(parent).length()) : own;
        List<String> forms = new ArrayList<>(List.of(own, bare));
        if (bare.endsWith("街道") && bare.length() > 3) {
            forms.add(bare.substring(0, bare.length() - 1));
        }
        return forms;
    }

    private static String name(List<UnitView> units, String code) {
        return units.stream().filter(u -> u.code().equals(code)).map(UnitView::name).findFirst().orElse(null);
    }

    private static List<Alias> loadAliases() {
        try (InputStream in = PlaceFinder.class.getResourceAsStream("/classify/place-aliases.csv")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
                    .map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split(","))
                    .map(p -> new Alias(Features.normalise(p[0]), p[1], Double.parseDouble(p[2]))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
