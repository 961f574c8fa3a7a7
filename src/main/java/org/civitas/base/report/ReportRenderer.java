package org.civitas.base.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the JasperReports templates kept in the top-level {@code reports/} folder (copied to
 * {@code classpath:reports/} by the Maven build) to PDF. A template is compiled once, on first use, and cached.
 * Chinese text uses the font family {@value #CHINESE_FONT} (Noto Sans CJK SC, embedded in the PDF through the font
 * extension in {@code jasperreports_extension.properties}).
 *
 * <p>Infrastructure only: it reads no data, so it carries no security annotations; the feature service that
 * gathers the figures checks the caller and audits the download.
 */
@Component
public class ReportRenderer {

    /** The font family to use in every text element of a template ({@code fontName="Noto Sans SC"}). */
    public static final String CHINESE_FONT = "Noto Sans SC";

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    /** The compiled template {@code reports/<name>.jrxml}; compiled once per JVM. */
    public JasperReport template(String name) {
        return compiled.computeIfAbsent(name, ReportRenderer::compile);
    }

    /** PDF of template {@code name} filled with Java beans (fields read through getters / record accessors). */
    public byte[] pdf(String name, Map<String, ?> parameters, Collection<?> beans) {
        return pdf(name, parameters, beans == null ? new JREmptyDataSource(1) : new JRBeanCollectionDataSource(beans));
    }

    /** PDF of template {@code name} filled with rows given as maps (field name → value). */
    public byte[] pdfFromMaps(String name, Map<String, ?> parameters, Collection<Map<String, ?>> rows) {
        return pdf(name, parameters, new JRMapCollectionDataSource(rows));
    }

    /** PDF of template {@code name} filled from any Jasper data source. */
    public byte[] pdf(String name, Map<String, ?> parameters, JRDataSource data) {
        try {
            // Jasper writes into the parameter map: it must be a mutable map.
            Map<String, Object> params = parameters == null ? new HashMap<>() : new HashMap<>(parameters);
            JasperPrint print = JasperFillManager.fillReport(template(name), params, data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
            return out.toByteArray();
        } catch (JRException e) {
            throw new IllegalStateException("Report " + name + " could not be rendered", e);
        }
    }

    private static JasperReport compile(String name) {
        ClassPathResource resource = new ClassPathResource("reports/" + name + ".jrxml");
        try (InputStream in = resource.getInputStream()) {
            return JasperCompileManager.compileReport(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Report template reports/" + name + ".jrxml not found", e);
        } catch (JRException e) {
            throw new IllegalStateException("Report template reports/" + name + ".jrxml does not compile", e);
        }
    }
}
