package org.civitas.cases.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The grid's offsets become keyset pages: each request asks for the rows after a known row, and a jump skips from
 * the nearest known row in one request instead of reading the pages in between.
 */
class InboxKeysetFetcherTest {

    /** Rows 0..n-1 in order; a row is its own cursor. Records every page asked for as "after+skip:limit". */
    static final class Rows implements InboxKeysetFetcher.Pages<Integer, Integer> {
        int size;
        final List<String> asked = new ArrayList<>();

        Rows(int size) {
            this.size = size;
        }

        @Override
        public List<Integer> after(Integer cursor, int skip, int limit) {
            asked.add(cursor + "+" + skip + ":" + limit);
            int from = (cursor == null ? 0 : cursor + 1) + skip;
            return IntStream.range(from, Math.min(size, from + limit)).boxed().toList();
        }
    }

    final Rows rows = new Rows(5000);
    final InboxKeysetFetcher<Integer, Integer> fetcher = new InboxKeysetFetcher<>(rows, r -> r, 1000);

    @Test
    void scrolling_on_asks_for_the_rows_after_the_last_row_seen() {
        assertThat(fetcher.fetch(0, 50)).containsExactlyElementsOf(range(0, 50));
        assertThat(fetcher.fetch(50, 50)).containsExactlyElementsOf(range(50, 100));
        assertThat(fetcher.fetch(100, 100)).containsExactlyElementsOf(range(100, 200));
        assertThat(rows.asked).containsExactly("null+0:50", "49+0:50", "99+0:100");
    }

    @Test
    void a_jump_asks_once_for_the_page_that_many_rows_after_the_nearest_known_row() {
        fetcher.fetch(0, 50);
        rows.asked.clear();
        assertThat(fetcher.fetch(3000, 50)).containsExactlyElementsOf(range(3000, 3050));
        assertThat(rows.asked).containsExactly("49+2950:50");

        rows.asked.clear();
        assertThat(fetcher.fetch(2050, 50)).containsExactlyElementsOf(range(2050, 2100));
        assertThat(fetcher.fetch(3060, 40)).containsExactlyElementsOf(range(3060, 3100));
        assertThat(fetcher.fetch(3100, 50)).containsExactlyElementsOf(range(3100, 3150));
        assertThat(rows.asked).containsExactly("49+2000:50", "3049+10:40", "3099+0:50");
    }

    @Test
    void a_request_larger_than_a_page_is_read_in_pages() {
        assertThat(fetcher.fetch(0, 2500)).containsExactlyElementsOf(range(0, 2500));
        assertThat(rows.asked).containsExactly("null+0:1000", "999+0:1000", "1999+0:500");
    }

    @Test
    void past_the_end_there_is_nothing_and_the_end_is_remembered() {
        Rows few = new Rows(120);
        InboxKeysetFetcher<Integer, Integer> f = new InboxKeysetFetcher<>(few, r -> r, 1000);
        assertThat(f.fetch(100, 50)).containsExactlyElementsOf(range(100, 120));
        assertThat(f.fetch(500, 50)).isEmpty();
        assertThat(f.fetch(150, 50)).isEmpty();
        assertThat(few.asked).containsExactly("null+100:50");
    }

    @Test
    void after_a_reset_the_cursors_are_forgotten_and_new_rows_are_found() {
        Rows growing = new Rows(100);
        InboxKeysetFetcher<Integer, Integer> f = new InboxKeysetFetcher<>(growing, r -> r, 1000);
        assertThat(f.fetch(0, 150)).hasSize(100);
        growing.size = 200;
        assertThat(f.fetch(100, 50)).as("the end seen before the reset").isEmpty();

        f.reset();
        growing.asked.clear();
        assertThat(f.knownPositions()).isEqualTo(1);
        assertThat(f.fetch(100, 50)).containsExactlyElementsOf(range(100, 150));
        assertThat(growing.asked).containsExactly("null+100:50");
    }

    @Test
    void a_jump_past_the_end_finds_nothing_and_the_rows_before_it_are_still_found() {
        Rows few = new Rows(120);
        InboxKeysetFetcher<Integer, Integer> f = new InboxKeysetFetcher<>(few, r -> r, 1000);
        assertThat(f.fetch(500, 50)).isEmpty();
        assertThat(f.fetch(600, 50)).as("known to be past the end: not asked again").isEmpty();
        assertThat(f.fetch(100, 50)).containsExactlyElementsOf(range(100, 120));
        assertThat(few.asked).containsExactly("null+500:50", "null+100:50");
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
