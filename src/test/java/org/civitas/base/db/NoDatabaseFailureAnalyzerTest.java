package org.civitas.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Without a database URL the production start fails with one line that names the variables, not Spring's H2 hint. */
class NoDatabaseFailureAnalyzerTest {

    @Test
    void a_start_without_a_database_url_is_explained_by_the_variables_to_set_before_springs_own_analysis() {
        Throwable noDataSource = noDataSource();
        assertThat(noDataSource).hasMessageContaining("Failed to determine a suitable driver class");
        // as a start meets it: inside the beans that needed the DataSource
        Throwable failure = new BeanCreationException("entityManagerFactory", "Failed to initialize dependency 'flyway'",
                new BeanCreationException("flyway", "Failed to instantiate Flyway", noDataSource));

        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver
                        .of(BeanFactory.class, new DefaultListableBeanFactory())
                        .and(Environment.class, new StandardEnvironment()),
                // as Spring Boot does: analysers of libraries that are not here are skipped
                SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> { }));
        AnnotationAwareOrderComparator.sort(analyzers);
        FailureAnalysis first = analyzers.stream().map(a -> a.analyze(failure)).filter(Objects::nonNull)
                .findFirst().orElseThrow();

        assertThat(first.getDescription()).isEqualTo(NoDatabaseFailureAnalyzer.DESCRIPTION)
                .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")
                .doesNotContain("\n").doesNotContainIgnoringCase("H2");
    }

    @Test
    void other_failures_are_left_to_their_own_analysers() {
        assertThat(new NoDatabaseFailureAnalyzer().analyze(
                new BeanCreationException("other", new IllegalStateException("no")))).isNull();
    }

    /** What Spring Boot throws when neither a URL nor an embedded database it knows is there. */
    private static Throwable noDataSource() {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setBeanClassLoader(NoDatabaseFailureAnalyzerTest.class.getClassLoader());
        return catchThrowable(() -> {
            properties.afterPropertiesSet();
            properties.determineDriverClassName();
        });
    }
}
