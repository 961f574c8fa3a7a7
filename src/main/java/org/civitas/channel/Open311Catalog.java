package org.civitas.channel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.civitas.catalog.UnitFilter;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The negative list as Open311 services: each item of the list in force is a service (its code, name and
 * description), its category the {@code group}. Every service has metadata: the district where it happened
 * ({@code attribute[district]}, required for items dispatched by territory) and the street (optional).
 */
@Component
class Open311Catalog {

    /**
     * The generic service 不知道选哪一项: a request filed under it has no item; it needs a description, which the
     * classifier reads to dispatch it or to suggest items to the person who will (DD051). Listed after the items.
     */
    static final String OTHER = "OTHER";

    private final CatalogService catalog;
    private final Clock clock;

    Open311Catalog(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The items of the list in force today, by code, in the list's order. */
    Map<String, ItemView> items() {
        long version = catalog.currentVersion(LocalDate.now(clock)).id();
        return catalog.itemsOfVersion(version).stream()
                .collect(Collectors.toMap(ItemView::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** When the list in force took effect: the discovery's changeset (clients refresh cached services after it). */
    LocalDate changedOn() {
        return catalog.currentVersion(LocalDate.now(clock)).effectiveFrom();
    }

    Optional<ItemView> item(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(items().get(code.strip()));
    }

    /** Every unit's name by its code (districts, streets, departments, enterprises). */
    Map<String, UnitView> units() {
        return catalog.units(UnitFilter.all(), PageRequest.of(0, 10_000)).stream()
                .collect(Collectors.toMap(UnitView::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    static boolean districtRequired(ItemView item) {
        return item.responsibility() != Responsibility.DEPARTMENT;
    }

    Map<String, Object> service(ItemView item) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", item.code());
        s.put("service_name", item.name());
        s.put("description", item.description());
        s.put("metadata", true);
        s.put("type", "realtime");
        s.put("keywords", String.join(",", item.categoryName(), item.name()));
        s.put("group", item.categoryName());
        return s;
    }

    /** The generic service as the service list shows it, in the caller's language. */
    Map<String, Object> other(Locale locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", OTHER);
        s.put("service_name", ApiErrors.text("open311.other.name", locale));
        s.put("description", ApiErrors.text("open311.other.description", locale));
        s.put("metadata", true);
        s.put("type", "realtime");
        s.put("keywords", ApiErrors.text("open311.other.name", locale));
        s.put("group", ApiErrors.text("open311.other.group", locale));
        return s;
    }

    Map<String, Object> definition(ItemView item, Locale locale) {
        Map<String, UnitView> units = units();
        List<UnitView> districts = units.values().stream()
                .filter(u -> u.kind() == UnitKind.DISTRICT && u.active()).toList();
        List<Map<String, Object>> districtValues = districts.stream().map(u -> value(u.code(), u.name())).toList();
        List<Map<String, Object>> streetValues = units.values().stream()
                .filter(u -> u.kind() == UnitKind.STREET && u.active() && u.parentCode() != null)
                .map(u -> value(u.code(), name(units, u.parentCode()) + " " + u.name()))
                .toList();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", item == null ? OTHER : item.code());
        d.put("attributes", new Open311Document.Repeated("attribute", List.of(
                attribute("district", item != null && districtRequired(item), 1, "open311.attribute.district",
                        "open311.attribute.districtType", districtValues, locale),
                attribute("street", false, 2, "open311.attribute.street", "open311.attribute.streetType",
                        streetValues, locale))));
        return d;
    }

    static String name(Map<String, UnitView> units, String code) {
        UnitView u = code == null ? null : units.get(code);
        return u == null ? (code == null ? "" : code) : u.name();
    }

    private static Map<String, Object> attribute(String code, boolean required, int order, String descriptionKey,
                                                 String typeKey, List<Map<String, Object>> values, Locale locale) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", "singlevaluelist");
        a.put("required", required);
        a.put("datatype_description", ApiErrors.text(typeKey, locale));
        a.put("order", order);
        a.put("description", ApiErrors.text(descriptionKey, locale));
        a.put("values", new Open311Document.Repeated("value", values));
        return a;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("name", name);
        return v;
    }
}
