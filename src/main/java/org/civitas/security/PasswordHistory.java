package org.civitas.security;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The hashes of a user's earlier passwords: a new password must differ from the current one and the last N. */
@Component
class PasswordHistory {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final AccountPolicy policy;

    PasswordHistory(JdbcTemplate jdbc, PasswordEncoder encoder, AccountPolicy policy) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
    }

    /** True when the password is the current one or one of the last N-1 before it (N passwords in all). */
    boolean reused(AppUser user, String password) {
        if (encoder.matches(password, user.getPasswordHash())) {
            return true;
        }
        List<String> earlier = jdbc.queryForList("select password_hash from app_user_password_history "
                + "where user_id = ? order by id desc limit ?", String.class, user.getId(), Math.max(0, policy.history() - 1));
        return earlier.stream().anyMatch(hash -> encoder.matches(password, hash));
    }

    int size() {
        return policy.history();
    }

    /** Keeps the password being replaced, and drops what is older than the policy needs. */
    void remember(AppUser user, LocalDateTime now) {
        jdbc.update("insert into app_user_password_history (user_id, password_hash, changed_at) values (?, ?, ?)",
                user.getId(), user.getPasswordHash(), now);
        jdbc.update("delete from app_user_password_history where user_id = ? and id not in (select id from ("
                + "select id from app_user_password_history where user_id = ? order by id desc limit ?) keep)",
                user.getId(), user.getId(), Math.max(1, policy.history()));
    }
}
