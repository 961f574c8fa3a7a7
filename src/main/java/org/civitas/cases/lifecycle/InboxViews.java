package org.civitas.cases.lifecycle;

import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.cases.inbox.InboxOrder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The inbox views each user saved under a name: filters, sort and columns, opened again in one click. Kept per user
 * on the server like the chosen columns ({@link InboxColumns}); every query is scoped to the current user, so
 * nobody reads, renames or deletes another's views. A refused name changes nothing.
 */
@Service
public class InboxViews {

    public static final int NAME_MAX = 20;
    /** Enough for a working set; more would no longer fit one menu. */
    public static final int MAX_VIEWS = 30;
    static final int QUERY_MAX = 1000;

    private final JdbcTemplate jdbc;
    private final CaseAccess access;

    InboxViews(JdbcTemplate jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * One saved view. {@code query}: the filter as the inbox's address holds it; {@code order}: null for the
     * user's own order; {@code columns}: comma-separated column keys, null to leave the columns as they are.
     */
    public record SavedView(long id, String name, String query, InboxOrder order, String columns) {
    }

    /** The current user's views by name. */
    @PreAuthorize(CaseService.CITY)
    public List<SavedView> mine() {
        return jdbc.query("select id, name, query_string, sort_order, visible_columns from inbox_view"
                + " where username = ? order by name", (rs, i) -> new SavedView(rs.getLong(1), rs.getString(2),
                rs.getString(3), order(rs.getString(4)), rs.getString(5)), access.actor());
    }

    /** Saves the current user's view under a new name; a name they already use is refused. */
    @PreAuthorize(CaseService.CITY)
    public SavedView save(String name, String query, InboxOrder order, String columns) {
        String n = validName(name);
        String q = query == null ? "" : query.strip();
        if (q.length() > QUERY_MAX || (columns != null && !columns.matches("[A-Za-z,]{0,500}"))) {
            throw new RuleViolation("inbox.views.error.tooLarge");
        }
        Integer count = jdbc.queryForObject("select count(*) from inbox_view where username = ?", Integer.class,
                access.actor());
        if (count != null && count >= MAX_VIEWS) {
            throw new RuleViolation("inbox.views.error.tooMany", MAX_VIEWS);
        }
        try {
            jdbc.update("insert into inbox_view (username, name, query_string, sort_order, visible_columns)"
                    + " values (?, ?, ?, ?, ?)", access.actor(), n, q, order == null ? null : order.name(), columns);
        } catch (DuplicateKeyException taken) {
            throw new RuleViolation("inbox.views.error.duplicate", n);
        }
        return mine().stream().filter(v -> v.name().equals(n)).findFirst().orElseThrow();
    }

    /** Renames one of the current user's views; another user's view is as good as missing. */
    @PreAuthorize(CaseService.CITY)
    public void rename(long id, String name) {
        String n = validName(name);
        int changed;
        try {
            changed = jdbc.update("update inbox_view set name = ? where id = ? and username = ?", n, id,
                    access.actor());
        } catch (DuplicateKeyException taken) {
            throw new RuleViolation("inbox.views.error.duplicate", n);
        }
        if (changed == 0) {
            throw new RuleViolation("inbox.views.error.missing");
        }
    }

    /** Deletes one of the current user's views. */
    @PreAuthorize(CaseService.CITY)
    public void delete(long id) {
        if (jdbc.update("delete from inbox_view where id = ? and username = ?", id, access.actor()) == 0) {
            throw new RuleViolation("inbox.views.error.missing");
        }
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new RuleViolation("inbox.views.error.empty");
        }
        if (n.codePointCount(0, n.length()) > NAME_MAX) {
            throw new RuleViolation("inbox.views.error.tooLong", NAME_MAX);
        }
        return n;
    }

    private static InboxOrder order(String name) {
        if (name == null) {
            return null;
        }
        try {
            return InboxOrder.valueOf(name);
        } catch (IllegalArgumentException gone) {
            return null;
        }
    }
}
