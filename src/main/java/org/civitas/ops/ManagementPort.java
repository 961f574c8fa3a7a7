package org.civitas.ops;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The port Actuator's own server listens on, once it has started (its context's namespace is "management"). The
 * security chains tell its requests from the app's by it: Spring Security's filter serves both servers.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    static final String NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    int port() {
        return port;
    }

    boolean matches(HttpServletRequest request) {
        return port > 0 && request.getLocalPort() == port;
    }
}
