package org.civitas.cases.ui.inbox;

import com.vaadin.flow.function.SerializableFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves a grid's offset/limit requests from a keyset-paged source. It remembers, for each offset it has reached,
 * the cursor of the row just before it: scrolling on asks for the rows after the last known cursor; a jump to an
 * unknown offset asks, in one request, for the page that starts that many rows after the nearest known cursor (the
 * source skips them by index, without reading or sending the rows in between). A page larger than the source's
 * limit is read in consecutive keyset pages. One instance belongs to one data provider: make a new one (or
 * {@link #reset()}) when the filter changes.
 *
 * @param <T> the row
 * @param <C> the row's position in the order
 */
final class InboxKeysetFetcher<T, C> implements Serializable {

    /** At most {@code limit} rows, starting {@code skip} rows after {@code cursor} (null: the start). */
    @FunctionalInterface
    interface Pages<T, C> extends Serializable {
        List<T> after(C cursor, int skip, int limit);
    }

    private final Pages<T, C> pages;
    private final SerializableFunction<T, C> cursorOf;
    private final int maxPage;
    /** offset → cursor of the row at offset - 1; offset 0 → null (the start). */
    private final TreeMap<Integer, C> known = new TreeMap<>();
    /** The number of rows, once a short page has shown where the list ends. */
    private int end = Integer.MAX_VALUE;

    InboxKeysetFetcher(Pages<T, C> pages, SerializableFunction<T, C> cursorOf, int maxPage) {
        this.pages = pages;
        this.cursorOf = cursorOf;
        this.maxPage = maxPage;
        reset();
    }

    /** Forgets every cursor, e.g. when rows may have been added or changed since. */
    void reset() {
        known.clear();
        known.put(0, null);
        end = Integer.MAX_VALUE;
    }

    List<T> fetch(int offset, int limit) {
        if (limit <= 0 || offset >= end) {
            return List.of();
        }
        Map.Entry<Integer, C> start = known.floorEntry(offset);
        C cursor = start.getValue();
        int skip = offset - start.getKey();
        List<T> rows = new ArrayList<>(Math.min(limit, maxPage));
        while (rows.size() < limit) {
            int want = Math.min(maxPage, limit - rows.size());
            List<T> page = pages.after(cursor, skip, want);
            skip = 0;
            rows.addAll(page);
            if (!page.isEmpty()) {
                cursor = cursorOf.apply(page.get(page.size() - 1));
                known.put(offset + rows.size(), cursor);
            }
            if (page.size() < want) {
                // exact when the page had rows; otherwise only known to be at or before the offset asked for
                end = Math.min(end, offset + rows.size());
                break;
            }
        }
        return rows;
    }

    /** How many offsets have a known cursor (for tests and to keep an eye on memory). */
    int knownPositions() {
        return known.size();
    }
}
