package org.civitas.ops;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Gauge {@code civitas.sessions.live}: the Vaadin sessions this node holds now (each node counts its own). */
@Component
class VaadinSessions implements VaadinServiceInitListener {

    private final AtomicInteger live = new AtomicInteger();

    VaadinSessions(MeterRegistry meters) {
        Gauge.builder("civitas.sessions.live", live, AtomicInteger::get)
                .description("Vaadin sessions held by this node").register(meters);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> live.incrementAndGet());
        event.getSource().addSessionDestroyListener(e -> live.updateAndGet(n -> Math.max(0, n - 1)));
    }
}
