package org.civitas.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapImageTest {

    @Test
    void each_area_is_filled_with_the_colour_of_its_rate_class_and_grey_without_one() {
        CityMap map = CityMap.wuhan();
        BufferedImage img = MapImage.choropleth(map, Map.of("D12", 0.95, "D10", 0.1), "按时办结率", "主城区",
                "无数据", 1070, 660);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 3) {
            for (int y = 0; y < img.getHeight(); y += 3) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).contains(MapImage.RAMP[4].getRGB() & 0xffffff, MapImage.RAMP[0].getRGB() & 0xffffff,
                MapImage.NO_DATA.getRGB() & 0xffffff);
        assertThat(MapImage.classOf(0.0)).isZero();
        assertThat(MapImage.classOf(0.85)).isEqualTo(2);
        assertThat(MapImage.classOf(0.8999)).isEqualTo(2);
        assertThat(MapImage.classOf(0.9499)).isEqualTo(3);
        assertThat(MapImage.classOf(1.0)).isEqualTo(4);
        assertThat(MapImage.classLabel(0)).isEqualTo("<75%");
        assertThat(MapImage.classLabel(2)).isEqualTo("85%–90%");
        assertThat(MapImage.classLabel(4)).isEqualTo("≥95%");
    }
}
