package org.civitas.cases.lifecycle;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The inbox columns each user chose to see, kept per user on the server (not in one browser's storage) so that the
 * choice follows the user to any computer. Nothing stored: the inbox's defaults.
 */
@Service
public class InboxColumns {

    private static final String GRID = "inbox";
    private final JdbcTemplate jdbc;
    private final CaseAccess access;

    InboxColumns(JdbcTemplate jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The column keys the current user chose to see, or empty when they never chose. */
    @PreAuthorize(CaseService.CITY)
    public Optional<Set<String>> visible() {
        return jdbc.query("select visible from grid_columns where username = ? and grid = ?",
                        (rs, i) -> rs.getString(1), access.actor(), GRID).stream().findFirst()
                .map(v -> v.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(v.split(","))));
    }

    /** Remembers the columns the current user sees now. */
    @PreAuthorize(CaseService.CITY)
    public void choose(Set<String> keys) {
        String visible = keys.stream().filter(k -> k.matches("[A-Za-z]{1,30}")).sorted()
                .collect(Collectors.joining(","));
        jdbc.update("insert into grid_columns (username, grid, visible) values (?, ?, ?)"
                + " on duplicate key update visible = values(visible)", access.actor(), GRID, visible);
    }
}
