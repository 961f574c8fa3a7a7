package org.civitas.base.db;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The production jar brings no database of its own: started without {@code SPRING_DATASOURCE_URL} it cannot make a
 * DataSource, and Spring's own answer suggests an embedded H2 that Civitas must never use. This one says in one line
 * which variables to set. It runs before Spring's analyser of the same failure.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NoDatabaseFailureAnalyzer implements FailureAnalyzer {

    static final String DESCRIPTION = "未配置数据库：请设置 SPRING_DATASOURCE_URL、SPRING_DATASOURCE_USERNAME 和"
            + " SPRING_DATASOURCE_PASSWORD（No database configured: set SPRING_DATASOURCE_URL,"
            + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD）";
    static final String ACTION = "见 docs/operations.md（see docs/operations.md）";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        // the failure arrives wrapped in the beans that needed a DataSource (Flyway, JPA); Spring's exception type for
        // it is package-private, so it is known by its name
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().endsWith("DataSourceProperties$DataSourceBeanCreationException")) {
                return new FailureAnalysis(DESCRIPTION, ACTION, cause);
            }
        }
        return null;
    }
}
