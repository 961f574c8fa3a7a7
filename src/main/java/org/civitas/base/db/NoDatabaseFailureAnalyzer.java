package org.civitas.base.db;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The production jar brings no database of its own: started without {@code SPRING_DATASOURCE_URL} it cannot make a
 * DataSource, and Spring's own answer suggests an embedded H2 that Civitas must never use. This one says in one line
 * which variables to set. It runs before Spring's analyser of the same failure.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<BeanCreationException> {

    static final String DESCRIPTION = "未配置数据库：请设置 SPRING_DATASOURCE_URL、SPRING_DATASOURCE_USERNAME 和"
            + " SPRING_DATASOURCE_PASSWORD（No database configured: set SPRING_DATASOURCE_URL,"
            + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD）";
    static final String ACTION = "见 docs/operations.md（see docs/operations.md）";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BeanCreationException cause) {
        // Spring's exception type for this failure is package-private: it is known by its name
        if (!cause.getClass().getName().endsWith("DataSourceProperties$DataSourceBeanCreationException")) {
            return null;
        }
        return new FailureAnalysis(DESCRIPTION, ACTION, cause);
    }
}
