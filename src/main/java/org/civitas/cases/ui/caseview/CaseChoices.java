package org.civitas.cases.ui.caseview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestState;
import org.civitas.cases.RequestView;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;

/** The options the action dialogs offer; an interface so a form test can hand in plain lists. */
interface CaseChoices {

    /** The items of the list version in force today. */
    List<ItemView> currentItems();

    List<UnitView> districts();

    List<UnitView> streetsOf(String districtCode);

    /** Units a case may be sent to by hand: the districts and the departments and enterprises. */
    List<UnitView> dispatchUnits();

    List<RequestView> pending(RequestKind kind);

    static CaseChoices of(CatalogService catalog, Clock clock, List<RequestView> requests) {
        return new CaseChoices() {
            @Override
            public List<ItemView> currentItems() {
                return catalog.itemsOfVersion(catalog.currentVersion(LocalDate.now(clock)).id());
            }

            @Override
            public List<UnitView> districts() {
                return catalog.districts().stream().filter(UnitView::active).toList();
            }

            @Override
            public List<UnitView> streetsOf(String districtCode) {
                return catalog.streetsOf(districtCode).stream().filter(UnitView::active).toList();
            }

            @Override
            public List<UnitView> dispatchUnits() {
                List<UnitView> units = new ArrayList<>(districts());
                units.addAll(catalog.leadUnits());
                return units;
            }

            @Override
            public List<RequestView> pending(RequestKind kind) {
                return requests.stream().filter(r -> r.kind() == kind && r.state() == RequestState.PENDING).toList();
            }
        };
    }
}
