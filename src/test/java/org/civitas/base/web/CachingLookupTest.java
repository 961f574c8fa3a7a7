package org.civitas.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.di.Lookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lookup asks Vaadin's once per service type, and remembers an absent service as absent. */
class CachingLookupTest {

    @Test
    void each_service_type_is_looked_up_once_found_or_not() {
        List<Class<?>> asked = new ArrayList<>();
        Lookup vaadin = new Lookup() {
            @Override
            public <T> T lookup(Class<T> type) {
                asked.add(type);
                return type == CharSequence.class ? type.cast("found") : null;
            }

            @Override
            public <T> Collection<T> lookupAll(Class<T> type) {
                asked.add(type);
                return List.of();
            }
        };
        CachingLookup lookup = new CachingLookup(vaadin);

        for (int i = 0; i < 3; i++) {
            assertThat(lookup.lookup(CharSequence.class)).isEqualTo("found");
            assertThat(lookup.lookup(Runnable.class)).isNull();
        }
        assertThat(asked).containsExactly(CharSequence.class, Runnable.class);
    }
}
