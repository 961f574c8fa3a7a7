package org.civitas.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code civitas.ready}: 1 while this node's readiness group is UP, else 0, so that Prometheus, which reads
 * metrics and not health checks, can tell a node that is up but not ready (deploy/prometheus/alerts.yml).
 */
@Component
class ReadinessGauge implements MeterBinder {

    private final ObjectProvider<HealthEndpoint> health;

    ReadinessGauge(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("civitas.ready", this, ReadinessGauge::ready)
                .description("1 while the node's readiness health group is UP").register(registry);
    }

    private double ready() {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return Double.NaN;
        }
        HealthComponent readiness = endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
