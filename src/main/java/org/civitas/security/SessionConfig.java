package org.civitas.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who is signed in where, for {@code account/sessions}. The registry lives in this node's memory: with several
 * nodes each lists and ends only its own sessions (issue 10 revisits this, e.g. with Spring Session JDBC).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Turns the container's session events into Spring events for the registry and {@link SessionTracker}. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
