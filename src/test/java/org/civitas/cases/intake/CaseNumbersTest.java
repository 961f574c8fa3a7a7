package org.civitas.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CaseNumbersTest {

    @Autowired CaseNumbers numbers;
    @Autowired TransactionTemplate tx;

    /** A day no other test draws numbers on. */
    private static final LocalDate DAY = LocalDate.of(2031, 7, 14);

    @Test
    void concurrent_intakes_draw_distinct_consecutive_numbers_of_the_day() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> drawn = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            drawn.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    mine.add(numbers.next(DAY));
                }
                return mine;
            }));
        }
        Set<String> all = new TreeSet<>();
        int count = 0;
        for (Future<List<String>> f : drawn) {
            for (String n : f.get()) {
                all.add(n);
                count++;
            }
        }
        pool.shutdown();
        assertThat(all).hasSize(count).hasSize(200);
        assertThat(all).allMatch(n -> n.startsWith("WM20310714"));
        long first = Long.parseLong(all.iterator().next().substring(10));
        long last = Long.parseLong(((TreeSet<String>) all).last().substring(10));
        assertThat(last - first).as("no gaps when nothing rolls back").isEqualTo(199);
    }

    @Test
    void a_block_of_numbers_follows_on_from_single_ones_and_pads_to_four_digits() {
        LocalDate day = DAY.plusDays(2);
        assertThat(numbers.next(day)).isEqualTo("WM203107160001");
        assertThat(numbers.next(day, 3)).containsExactly("WM203107160002", "WM203107160003", "WM203107160004");
        assertThat(numbers.next(day)).isEqualTo("WM203107160005");
        assertThat(CaseNumbers.number("WM20310716", 9_999)).isEqualTo("WM203107169999");
        assertThat(CaseNumbers.number("WM20310716", 10_000)).isEqualTo("WM2031071610000");
        assertThat(CaseNumbers.number("WM20310716", 42)).isEqualTo("WM203107160042");
    }

    @Test
    void a_rolled_back_intake_keeps_its_number_drawn_so_the_next_never_repeats_it() {
        LocalDate day = DAY.plusDays(1);
        String before = numbers.next(day);
        String[] inside = new String[1];
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            inside[0] = numbers.next(day);
            throw new IllegalStateException("the intake fails after drawing its number");
        })).isInstanceOf(IllegalStateException.class);
        String after = numbers.next(day);
        assertThat(Long.parseLong(inside[0].substring(10))).isEqualTo(Long.parseLong(before.substring(10)) + 1);
        assertThat(Long.parseLong(after.substring(10))).as("a gap, never a duplicate")
                .isEqualTo(Long.parseLong(inside[0].substring(10)) + 1);
    }
}
