package org.civitas.base.web;

import org.apache.catalina.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * With several app nodes behind nginx, a Vaadin session lives on the node that created it. Tomcat's jvmRoute
 * appends the node's name to the session id ({@code JSESSIONID=….node1}); the load balancer reads it and sends the
 * browser back to the same node ({@code deploy/nginx/civitas.conf}). Empty (one node): no suffix.
 */
@Component
class NodeRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String route;

    NodeRoute(@Value("${civitas.node.route:}") String route) {
        this.route = route == null ? "" : route.strip();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (route.isEmpty()) {
            return;
        }
        if (!route.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("civitas.node.route must be letters, digits, - or _: " + route);
        }
        factory.addContextCustomizers(context -> {
            if (context.getParent() != null && context.getParent().getParent() instanceof Engine engine) {
                engine.setJvmRoute(route);
            }
        });
    }
}
