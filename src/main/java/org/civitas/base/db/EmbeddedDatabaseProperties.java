package org.civitas.base.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded MariaDB keeps its data and binaries, and its port (0 picks a free one). {@code fresh} empties
 * the data folder before start: the tests want a new database every run, users never do.
 */
@ConfigurationProperties("civitas.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, Path baseDir, int port, String database, boolean fresh) {

    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data", "mariadb") : dataDir;
        baseDir = baseDir == null ? Path.of("data", "mariadb-base") : baseDir;
        database = database == null || database.isBlank() ? "civitas" : database;
    }
}
