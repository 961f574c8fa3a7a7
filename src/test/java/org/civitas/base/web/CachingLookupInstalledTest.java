package org.civitas.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinService;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/** The Vaadin service of the running application looks services up through the cache. */
class CachingLookupInstalledTest extends KaribuTest {

    @Test
    void the_service_context_holds_the_caching_lookup() {
        Lookup lookup = VaadinService.getCurrent().getContext().getAttribute(Lookup.class);
        assertThat(lookup).isInstanceOf(CachingLookup.class);
        assertThat(lookup.lookup(com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler.class))
                .isNull();
    }
}
