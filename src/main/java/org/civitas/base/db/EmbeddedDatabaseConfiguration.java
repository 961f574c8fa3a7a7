package org.civitas.base.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.springframework.util.FileSystemUtils;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MariaDB before the DataSource. Boot's own DataSource auto-configuration backs off
 * because of the bean below; Flyway and JPA follow it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDatabase
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        if (properties.fresh()) {
            FileSystemUtils.deleteRecursively(properties.dataDir().toFile());
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(properties.dataDir(), properties.baseDir(), properties.port());
        log.info("Embedded MariaDB started: data folder {}, port {} (connect: mariadb -h 127.0.0.1 -P {} -u root {})",
                db.dataDir(), db.port(), db.port(), properties.database());
        return db;
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb db, EmbeddedDatabaseProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl(properties.database()));
        ds.setUsername("root");
        ds.setPassword("");
        ds.setPoolName("civitas-embedded");
        ds.setMaximumPoolSize(10);
        return ds;
    }
}
