package org.civitas.cases.ui;

import com.vaadin.flow.function.SerializableFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves a grid's offset/limit requests from a keyset-paged source. It remembers, for each offset it has reached,
 * the cursor of the row just before it: scrolling on asks for the rows after the last known cursor; a jump to an
 * unknown offset walks forward from the nearest known cursor, page by page, still by keyset and never by OFFSET.
 * One instance belongs to one data provider: make a new one (or {@link #reset()}) when the filter changes.
 *
 * @param <T> the row
 * @param <C> the row's position in the order
 */
final class InboxKeysetFetcher<T, C> implements Serializable {

    /** The rows after {@code cursor} (null: from the start), at most {@code limit} of them. */
    @FunctionalInterface
    interface Pages<T, C> extends Serializable {
        List<T> after(C cursor, int limit);
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
        int position = start.getKey();
        C cursor = start.getValue();
        while (position < offset) {
            int want = Math.min(maxPage, offset - position);
            List<T> skipped = pages.after(cursor, want);
            if (!skipped.isEmpty()) {
                position += skipped.size();
                cursor = cursorOf.apply(skipped.get(skipped.size() - 1));
                known.put(position, cursor);
            }
            if (skipped.size() < want) {
                end = position;
                return List.of();
            }
        }
        List<T> rows = new ArrayList<>(Math.min(limit, maxPage));
        while (rows.size() < limit) {
            int want = Math.min(maxPage, limit - rows.size());
            List<T> page = pages.after(cursor, want);
            rows.addAll(page);
            if (!page.isEmpty()) {
                cursor = cursorOf.apply(page.get(page.size() - 1));
                known.put(offset + rows.size(), cursor);
            }
            if (page.size() < want) {
                end = offset + rows.size();
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
