package org.civitas.cases.ui.inbox;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.CategoryView;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitFilter;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;
import org.springframework.data.domain.PageRequest;

/**
 * The catalog as the inbox shows it: the pickers' choices and the names behind the codes on a case row. Loaded once
 * per view (a few hundred rows); the maps are only read afterwards, also by the export's download thread.
 */
final class InboxNames implements Serializable {

    final List<CategoryView> categories;
    final List<ItemView> items;
    final List<UnitView> units;
    private final Map<String, String> unitNames = new HashMap<>();
    private final Map<String, String> categoryNames = new HashMap<>();
    private final Map<String, String> itemNames = new HashMap<>();

    private InboxNames(List<CategoryView> categories, List<ItemView> items, List<UnitView> units) {
        this.categories = categories;
        this.items = items;
        this.units = units;
        units.forEach(u -> unitNames.put(u.code(), u.name()));
        categories.forEach(c -> categoryNames.put(c.code(), c.name()));
        items.forEach(i -> itemNames.put(i.code(), i.name()));
    }

    static InboxNames load(CatalogService catalog, LocalDate today) {
        return new InboxNames(catalog.categories(), catalog.itemsOfVersion(catalog.currentVersion(today).id()),
                catalog.units(UnitFilter.all(), PageRequest.of(0, 5000)).getContent());
    }

    List<UnitView> districts() {
        return units.stream().filter(u -> u.kind() == UnitKind.DISTRICT).toList();
    }

    List<UnitView> streetsOf(String districtCode) {
        return units.stream().filter(u -> u.kind() == UnitKind.STREET && u.parentCode() != null
                && u.parentCode().equals(districtCode)).toList();
    }

    /** Every unit that can lead a case: districts (territorial items), departments and enterprises. */
    List<UnitView> leadUnits() {
        return units.stream().filter(u -> u.kind() != UnitKind.STREET).toList();
    }

    String unit(String code) {
        return name(unitNames, code);
    }

    /**
     * 区 and 街道 as the place column shows them: a street's name without its district's, which the column already
     * shows ("江岸区 大智街道", not "江岸区 江岸区大智街道").
     */
    String place(String districtCode, String streetCode) {
        String district = unit(districtCode);
        String street = unit(streetCode);
        if (!district.isEmpty() && street.startsWith(district) && street.length() > district.length()) {
            street = street.substring(district.length());
        }
        return district.isEmpty() ? street : street.isEmpty() ? district : district + " " + street;
    }

    String category(String code) {
        return name(categoryNames, code);
    }

    String item(String code) {
        return name(itemNames, code);
    }

    private static String name(Map<String, String> names, String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }
}
