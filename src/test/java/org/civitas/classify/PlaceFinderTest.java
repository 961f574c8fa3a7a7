package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civitas.catalog.PeerGroup;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;
import org.junit.jupiter.api.Test;

/** The district and street from the words: own names, short forms, landmarks, learned roads, each with its certainty. */
class PlaceFinderTest {

    static final List<UnitView> UNITS = List.of(
            new UnitView("D01", "江岸区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0),
            new UnitView("D02", "江汉区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0),
            new UnitView("D03", "硚口区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0),
            new UnitView("D05", "武昌区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0),
            new UnitView("D07", "洪山区", UnitKind.DISTRICT, PeerGroup.CENTRAL, null, true, 0),
            new UnitView("D14", "东湖新技术开发区", UnitKind.DISTRICT, PeerGroup.FUNCTIONAL_ZONE, null, true, 0),
            new UnitView("S0101", "江岸区大智街道", UnitKind.STREET, null, "D01", true, 0),
            new UnitView("S0502", "武昌区黄鹤楼街道", UnitKind.STREET, null, "D05", true, 0));

    final PlaceFinder finder = new PlaceFinder(UNITS, Map.of("和平大道", Map.of("D05", 9, "D06", 1)));

    @Test
    void the_districts_own_name_is_nearly_certain() {
        Place p = finder.find("武汉市江汉区新华路 8 号", "");
        assertThat(p.districtCode()).isEqualTo("D02");
        assertThat(p.districtName()).isEqualTo("江汉区");
        assertThat(p.confidence()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void a_street_names_its_district_too() {
        Place p = finder.find("大智街道三阳路口", "");
        assertThat(p.districtCode()).isEqualTo("D01");
        assertThat(p.streetCode()).isEqualTo("S0101");
    }

    @Test
    void short_forms_and_landmarks_are_known_less_surely() {
        assertThat(finder.find("光谷步行街", "").districtCode()).isEqualTo("D14");
        assertThat(finder.find("武昌火车站东广场", "").districtCode()).isEqualTo("D05");
        Place hankou = finder.find("汉口火车站", "");
        assertThat(hankou.confidence()).isLessThan(0.5);
    }

    @Test
    void a_road_learned_from_past_cases_gives_their_district_as_sure_as_they_agree() {
        Place p = finder.find("和平大道 88 号", "");
        assertThat(p.districtCode()).isEqualTo("D05");
        assertThat(p.confidence()).isBetween(0.6, 0.9);
        assertThat(p.evidence()).isEqualTo("和平大道");
    }

    @Test
    void the_text_is_read_when_the_address_names_nothing() {
        Place p = finder.find("", "洪山区街道口地铁站旁边垃圾堆了三天");
        assertThat(p.districtCode()).isEqualTo("D07");
        assertThat(finder.find("小区门口", "垃圾没人收").recognised()).isFalse();
    }
}
