package org.civitas.security;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who is signed in where, for {@code account/sessions}: the registry is a table, so with several nodes every node
 * lists every session and a session ended anywhere is logged out by the node that holds it.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    SessionRegistry sessionRegistry(JdbcTemplate jdbc, Clock clock, @Value("${civitas.node.route:}") String node) {
        return new JdbcSessionRegistry(jdbc, clock, node);
    }

    /** Turns the container's session events into Spring events for the registry and {@link SessionTracker}. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
