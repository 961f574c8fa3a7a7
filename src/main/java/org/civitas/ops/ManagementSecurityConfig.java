package org.civitas.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civitas.base.web.TrustedProxies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security of the management port (docs/operations.md). Spring Security's filter also guards Actuator's own server,
 * so without a chain of its own every probe would be sent to the login page.
 * <ul>
 * <li>On the management port: no login, no session, no CSRF; the port's address is the protection (127.0.0.1 by
 * default). Health details (which check failed and why) only for {@code civitas.management.detail-addresses}: a
 * request from one of them acts in role ADMIN for Actuator's "when authorized" and for nothing else, as this chain
 * reaches no page or service.</li>
 * <li>On the app's port: {@code /actuator} and below answer a plain 404, not the login page or Vaadin's.</li>
 * </ul>
 */
@Configuration
class ManagementSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain managementPortChain(HttpSecurity http, ManagementPort port,
                                            @Value("${civitas.management.detail-addresses:127.0.0.1,::1}")
                                            String detailAddresses) throws Exception {
        TrustedProxies detail = TrustedProxies.parse(detailAddresses);
        http.securityMatcher(port::matches)
                .csrf(c -> c.disable())
                .cors(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new DetailAddressFilter(detail), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain noActuatorOnTheAppPort(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator", "/actuator/**")
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> notFound(res))
                        .accessDeniedHandler((req, res, ex) -> notFound(res)));
        return http.build();
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("Not Found\n");
    }

    /** A caller from a detail address acts as ADMIN on the management port, for Actuator's health details. */
    static final class DetailAddressFilter extends OncePerRequestFilter {

        static final String PRINCIPAL = "management";

        private final TrustedProxies addresses;

        DetailAddressFilter(TrustedProxies addresses) {
            this.addresses = addresses;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!addresses.trusts(request.getRemoteAddr())) {
                chain.doFilter(request, response);
                return;
            }
            var strategy = SecurityContextHolder.getContextHolderStrategy();
            var context = strategy.createEmptyContext();
            context.setAuthentication(new UsernamePasswordAuthenticationToken(PRINCIPAL, null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
            strategy.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                strategy.clearContext();
            }
        }
    }
}
