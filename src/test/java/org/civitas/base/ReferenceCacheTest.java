package org.civitas.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReferenceCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final ReferenceCache<String, String> cache =
            new ReferenceCache<>(Duration.ofSeconds(10), 3, clock::get);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_value_is_loaded_once_within_its_time_to_live_and_again_after_it() {
        assertThat(cache.get("D05", this::load)).isEqualTo("D05#1");
        clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(cache.get("D05", this::load)).isEqualTo("D05#1");
        clock.addAndGet(1);
        assertThat(cache.get("D05", this::load)).isEqualTo("D05#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void a_zero_time_to_live_caches_nothing() {
        ReferenceCache<String, String> off = new ReferenceCache<>(Duration.ZERO, 3, clock::get);
        off.get("D05", this::load);
        off.get("D05", this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void unknown_keys_cannot_grow_it_beyond_its_bound() {
        for (int i = 0; i < 10; i++) {
            cache.get("wrong-key-" + i, this::load);
        }
        cache.get("wrong-key-9", this::load);
        assertThat(loads).as("the last key is still cached after the bound cleared the others").hasValue(10);
        cache.get("wrong-key-0", this::load);
        assertThat(loads).hasValue(11);
    }

    @Test
    void a_change_clears_it_at_once_and_again_when_its_transaction_completes() {
        cache.get("D05", this::load);
        TransactionSynchronizationManager.initSynchronization();
        cache.clear();
        assertThat(cache.get("D05", this::load)).as("the changing transaction reads its change").isEqualTo("D05#2");
        assertThat(cache.get("D05", this::load)).as("read before the commit: cached for now").isEqualTo("D05#2");
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(cache.get("D05", this::load)).as("loaded afresh after the commit").isEqualTo("D05#3");
    }

    @Test
    void without_a_transaction_a_change_clears_it_at_once() {
        cache.get("D05", this::load);
        cache.clear();
        assertThat(cache.get("D05", this::load)).isEqualTo("D05#2");
    }
}
