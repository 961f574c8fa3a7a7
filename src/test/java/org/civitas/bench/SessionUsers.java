package org.civitas.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The accounts {@link SessionBench} signs in with. */
final class SessionUsers {

    private SessionUsers() {
    }

    /**
     * {@code n} accounts for the run, made once in the benchmark database: four in five a clerk of a district (the
     * inbox scoped to it), one in five a supervisor (every case). Roles without a second factor.
     */
    static List<String> make(int n, String password) throws Exception {
        String dbUrl = Bench.env("SPRING_DATASOURCE_URL", "");
        try (Connection c = DriverManager.getConnection(dbUrl, Bench.env("SPRING_DATASOURCE_USERNAME", ""),
                Bench.env("SPRING_DATASOURCE_PASSWORD", ""))) {
            List<String> districts = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select code from unit where kind = 'DISTRICT' and active order by code")) {
                while (rs.next()) {
                    districts.add(rs.getString(1));
                }
            }
            String hash = new BCryptPasswordEncoder().encode(password);
            List<String> users = new ArrayList<>();
            try (PreparedStatement user = c.prepareStatement("""
                    insert ignore into app_user (username, display_name, password_hash, unit_code, password_changed_at,
                        created_at) values (?, ?, ?, ?, now(6), now(6))""");
                 PreparedStatement role = c.prepareStatement("""
                    insert ignore into app_user_role (user_id, role)
                    select id, ? from app_user where username = ?""");
                 PreparedStatement fresh = c.prepareStatement("""
                    update app_user set password_hash = ?, password_changed_at = now(6) where username = ?""")) {
                for (int i = 0; i < n; i++) {
                    boolean supervisor = i % 5 == 4;
                    String name = String.format("bench.%s.%03d", supervisor ? "sup" : "clerk", i);
                    user.setString(1, name);
                    user.setString(2, name);
                    user.setString(3, hash);
                    user.setString(4, supervisor ? null : districts.get(i % districts.size()));
                    user.executeUpdate();
                    role.setString(1, supervisor ? "SUPERVISOR" : "UNIT_CLERK");
                    role.setString(2, name);
                    role.executeUpdate();
                    fresh.setString(1, hash);
                    fresh.setString(2, name);
                    fresh.executeUpdate();
                    users.add(name);
                }
            }
            return users;
        }
    }
}
