package org.civitas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chart script's URL follows the ECharts WebJar on the class path, whatever version the pom names. */
class EChartScriptTest {

    @Test
    void the_script_url_names_a_file_the_webjar_serves() {
        assertThat(EChart.SCRIPT).startsWith("context://webjars/echarts/").endsWith("/dist/echarts.min.js");
        String served = "/META-INF/resources/" + EChart.SCRIPT.substring("context://".length());
        assertThat(EChart.class.getResource(served)).as(served).isNotNull();
    }
}
