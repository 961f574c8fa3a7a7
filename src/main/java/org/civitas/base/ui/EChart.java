package org.civitas.base.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.Consumer;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart (Vaadin Charts is a paid licence). The library comes from its WebJar and is added to the
 * page at run time, since this project has no npm build to bundle it. The option is kept on the server and applied
 * again whenever the component is attached, so a chart survives navigation and reloads of its view.
 */
public class EChart extends Div {

    /** The WebJar's own record of its version: the pom's dependency is the one place that names it. */
    static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    static final String SCRIPT = "context://webjars/echarts/" + webJarVersion() + "/dist/echarts.min.js";

    /*
     * Runs in the browser with $0 = this element, $1 = the option JSON. The script tag may still be loading, so it
     * waits for window.echarts. A ResizeObserver follows window and drawer changes; when the element has left the
     * page the chart is disposed there, because a new DOM element is made when Flow attaches the component again.
     */
    private static final String APPLY = """
            const el = $0, option = JSON.parse($1);
            const apply = (tries) => {
              if (!window.echarts) {
                if (tries > 0) setTimeout(() => apply(tries - 1), 100);
                return;
              }
              if (!el.$chart || el.$chart.isDisposed()) {
                el.$chart = echarts.init(el);
                el.$resize = new ResizeObserver(() => {
                  if (!el.isConnected) {
                    el.$resize.disconnect();
                    el.$chart.dispose();
                  } else {
                    el.$chart.resize();
                  }
                });
                el.$resize.observe(el);
                // a click on a region or a point goes to the server as a DOM event (addClickListener)
                el.$chart.on('click', p => el.dispatchEvent(new CustomEvent('chart-click', {detail: {
                  series: p.seriesType || p.componentType || '', name: p.name || '',
                  value: JSON.stringify(p.value === undefined ? null : p.value)}})));
              }
              el.$chart.setOption(option, true);
            };
            apply(100);
            """;

    private static final String DISPOSE = """
            const el = $0;
            if (el.$resize) el.$resize.disconnect();
            if (el.$chart && !el.$chart.isDisposed()) el.$chart.dispose();
            """;

    private String optionJson = "{}";

    public EChart() {
        addClassName("echart");
        setWidthFull();
        setHeight("320px");
    }

    public EChart(ObjectNode option) {
        this();
        setOption(option);
    }

    public void setOption(ObjectNode option) {
        setOption(option.toString());
    }

    /** Replaces the whole option (ECharts' {@code notMerge}), so a series removed in Java leaves the chart. */
    public void setOption(String json) {
        this.optionJson = json == null ? "{}" : json;
        if (isAttached()) {
            getElement().executeJs(APPLY, getElement(), optionJson);
        }
    }

    /**
     * A click on a region, bar or point: the series type ({@code map}, {@code scatter} …), the item's name and its
     * value as JSON.
     */
    public record Click(String series, String name, String valueJson) {
    }

    public Registration addClickListener(Consumer<Click> listener) {
        return getElement().addEventListener("chart-click", e -> listener.accept(new Click(
                        e.getEventData().getString("event.detail.series"),
                        e.getEventData().getString("event.detail.name"),
                        e.getEventData().getString("event.detail.value"))))
                .addEventData("event.detail.series").addEventData("event.detail.name")
                .addEventData("event.detail.value");
    }

    /**
     * Registers a GeoJSON map under {@code name} in the browser before the option that draws it (ECharts keeps
     * maps per page and registers a name once).
     */
    public void registerMap(String name, String geoJson) {
        getElement().executeJs(REGISTER_MAP, name, geoJson);
    }

    private static final String REGISTER_MAP = """
            const go = (tries) => {
              if (!window.echarts) { if (tries > 0) setTimeout(() => go(tries - 1), 100); return; }
              if (!echarts.getMap($0)) echarts.registerMap($0, JSON.parse($1));
            };
            go(100);
            """;

    /** The option JSON last set: what the browser draws, and what browserless tests can check. */
    public String getOptionJson() {
        return optionJson;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // Flow adds a script URL to a page once, however many charts ask for it
        event.getUI().getPage().addJavaScript(SCRIPT);
        getElement().executeJs(APPLY, getElement(), optionJson);
    }

    static String webJarVersion() {
        try (InputStream in = EChart.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("The ECharts WebJar (org.webjars.npm:echarts) is not on the class path");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // Flow runs this only if the element is attached again; the browser side disposes a removed element itself
        getElement().executeJs(DISPOSE, getElement());
        super.onDetach(event);
    }
}
