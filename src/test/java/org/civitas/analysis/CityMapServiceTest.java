package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The city map's figures on a fixture in March 2041 (no other test uses it): five counted cases with a point (three
 * in one cell at 户部巷), one invalid case, one without a point.
 */
@IntegrationTest
class CityMapServiceTest {

    static final LocalDate FROM = LocalDate.of(2041, 3, 1), TO = LocalDate.of(2041, 3, 15);

    @Autowired CityMapService cityMap;
    @Autowired AnalysisService analysis;
    @Autowired CaseDaily daily;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @BeforeEach
    void fixture() {
        clock.set(LocalDateTime.of(2041, 4, 2, 9, 0));
        jdbc.update("delete from case_file where created_by = 'city-map-test'");
        add(2, "D05", "S0502", "CLOSED", true, "SATISFIED", "30.546810", "114.300510");
        add(3, "D05", "S0502", "CLOSED", true, "DISSATISFIED", "30.546900", "114.300600");
        add(4, "D05", null, "CLOSED", false, "SATISFIED", "30.546700", "114.300400");
        add(5, "D02", null, "REPLIED", true, null, "30.618000", "114.255500");
        add(6, "D14", null, "REPLIED", false, null, "30.480000", "114.430000");
        add(7, "D05", null, "INVALID", null, null, "30.546800", "114.300500");
        add(8, "D01", null, "REPLIED", true, null, null, null);
        daily.refresh(FROM, TO);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private void add(int day, String district, String street, String status, Boolean onTime, String rating,
                     String lat, String lng) {
        jdbc.update("""
                insert into case_file (number, channel, received_at, district_code, street_code, address, latitude,
                       longitude, description, item_code, category_code, lead_unit_code, status, replied_on_time,
                       rating, created_by)
                values (?, 'WECHAT', ?, ?, ?, '户部巷', ?, ?, '测试', 'ZZ-97', 'ZZ', ?, ?, ?, ?, 'city-map-test')""",
                "CM2041" + day + System.nanoTime() % 100000, LocalDateTime.of(2041, 3, day, 10, 0), district, street,
                lat == null ? null : new java.math.BigDecimal(lat), lng == null ? null : new java.math.BigDecimal(lng),
                district, status, onTime, rating);
    }

    private CityFigures figures() {
        return RunAs.user("supervisor", () -> cityMap.figures(FROM, TO), AppRoles.SUPERVISOR);
    }

    @Test
    void the_cells_add_up_to_the_counted_cases_with_a_point() {
        CityFigures f = figures();
        long counted = jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?"
                + " and status not in ('INVALID', 'MERGED') and latitude is not null", Long.class,
                FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay());
        assertThat(counted).isEqualTo(5);
        assertThat(f.cellCases()).isEqualTo(counted);
        // the three cases of 户部巷 share one cell; the browser gets the cell's centre, not the points
        assertThat(f.cells()).hasSize(3).anySatisfy(c -> {
            assertThat(c.cases()).isEqualTo(3);
            assertThat(c.lat()).isCloseTo(30.545, within(1e-9));
            assertThat(c.lng()).isCloseTo(114.305, within(1e-9));
        });
    }

    @Test
    void areas_and_streets_carry_the_analysis_rates() {
        CityFigures f = figures();
        CityFigures.Area wuchang = f.areas().stream().filter(a -> a.code().equals("D05")).findFirst().orElseThrow();
        assertThat(wuchang.name()).isEqualTo("武昌区");
        assertThat(wuchang.rates().received()).isEqualTo(3);
        assertThat(wuchang.rates().onTimeRate()).isEqualTo(2.0 / 3);
        assertThat(wuchang.rates().satisfactionRate()).isEqualTo(2.0 / 3);
        assertThat(f.areas()).extracting(CityFigures.Area::code).contains("D01", "D02", "D14");
        List<CityFigures.Area> streets = RunAs.user("leader", () -> cityMap.streets("D05", FROM, TO), AppRoles.LEADER);
        assertThat(streets).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("武昌区黄鹤楼街道");
            assertThat(s.rates().received()).isEqualTo(2);
        });
    }

    @Test
    void only_supervisors_and_leaders_see_the_map() {
        for (String role : List.of(AppRoles.OPERATOR, AppRoles.UNIT_CLERK, AppRoles.INSPECTOR, AppRoles.ADMIN)) {
            assertThatThrownBy(() -> RunAs.user("someone", () -> cityMap.figures(FROM, TO), role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> cityMap.streets("D05", FROM, TO), role))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void the_analysis_pdf_carries_the_district_map_as_an_image() throws Exception {
        byte[] pdf = RunAs.user("leader", () -> analysis.pdf(new HalfMonth(YearMonth.of(2041, 3), false),
                Locale.SIMPLIFIED_CHINESE), AppRoles.LEADER);
        List<PDImageXObject> images = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).singleElement().satisfies(image -> {
                assertThat(image.getWidth()).isEqualTo(AnalysisExports.MAP_WIDTH * 2);
                assertThat(image.getHeight()).isEqualTo(AnalysisExports.MAP_HEIGHT * 2);
                // not blank: the image holds the choropleth's colours (武昌区 at 67 % is in the lowest class)
                assertThat(colours(image.getImage())).contains(0xd73027);
            });
        }
    }

    private static java.util.Set<Integer> colours(java.awt.image.BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 2) {
            for (int y = 0; y < img.getHeight(); y += 2) {
                c.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return c;
    }
}
