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
        Path data = Path.of("target", "mariadb-restart-test", "data");
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
