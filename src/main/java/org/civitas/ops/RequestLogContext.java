package org.civitas.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civitas.base.NodeName;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id, the user name and the node into the logging context (MDC keys {@code requestId},
 * {@code user}, {@code node}) for every line logged while a request is served; the text pattern and the JSON formats
 * (ECS, logstash) carry them (docs/operations.md). The request id is nginx's {@code X-Request-ID} when it sends a
 * plausible one (deploy/nginx), else a new one; it goes back in the response's {@code X-Request-ID}.
 *
 * <p>Two filters: the first, before Spring Security, sets the id and the node, so the security filters' lines carry
 * them; the second, after it, adds the user it found.
 */
@Configuration
class RequestLogContext {

    static final String REQUEST_ID = "requestId";
    static final String USER = "user";
    static final String NODE = "node";
    static final String HEADER = "X-Request-ID";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestIdFilter(@Value("${civitas.node.route:}") String route) {
        String node = NodeName.of(route);
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        String id = request.getHeader(HEADER);
                        if (id == null || !PLAUSIBLE.matcher(id).matches()) {
                            id = UUID.randomUUID().toString().replace("-", "");
                        }
                        response.setHeader(HEADER, id);
                        MDC.put(REQUEST_ID, id);
                        MDC.put(NODE, node);
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            MDC.remove(REQUEST_ID);
                            MDC.remove(NODE);
                            MDC.remove(USER);
                        }
                    }
                });
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestUserFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        var auth = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
                        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
                            MDC.put(USER, auth.getName());
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
