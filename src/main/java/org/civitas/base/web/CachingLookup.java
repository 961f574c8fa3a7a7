package org.civitas.base.web;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Vaadin's service lookup, with what it finds for each service type remembered. Vaadin Spring's lookup asks Spring
 * and then the class path ({@code ServiceLoader}) on every call for any service outside Vaadin's own defaults, and
 * Vaadin asks for its Polymer template handler on every client call that carries an argument (the grid's
 * {@code setViewportRange}, {@code confirmUpdate}). Civitas has no Polymer templates, so every such call scanned the
 * {@code META-INF/services} of the jar's nested jars, under their locks: with 500 sessions scrolling their inboxes
 * those locks were the bottleneck (docs/benchmarks.md). The services are application-wide and do not change while
 * Civitas runs, so the first answer holds, an absent service included.
 */
final class CachingLookup implements Lookup {

    private final Lookup lookup;
    private final Map<Class<?>, Optional<Object>> found = new ConcurrentHashMap<>();

    CachingLookup(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public <T> T lookup(Class<T> type) {
        // get, then put: a lookup may look up other services, which computeIfAbsent would refuse
        Optional<Object> service = found.get(type);
        if (service == null) {
            service = Optional.ofNullable(lookup.lookup(type));
            found.put(type, service);
        }
        return type.cast(service.orElse(null));
    }

    @Override
    public <T> Collection<T> lookupAll(Class<T> type) {
        return lookup.lookupAll(type);
    }

    /** Puts the cache in front of the lookup Vaadin Spring made, once, when the Vaadin service starts. */
    @Component
    static class Installer implements VaadinServiceInitListener {

        @Override
        public void serviceInit(ServiceInitEvent event) {
            VaadinContext context = event.getSource().getContext();
            Lookup lookup = context.getAttribute(Lookup.class);
            // Vaadin's context refuses to replace the lookup it holds (to stop a second one by mistake), so the cache
            // goes into the servlet context under the key the Vaadin context reads (the interface's name); no request
            // is served before the service has started
            if (lookup != null && !(lookup instanceof CachingLookup) && context instanceof VaadinServletContext servlet) {
                servlet.getContext().setAttribute(Lookup.class.getName(), new CachingLookup(lookup));
            }
        }
    }
}
