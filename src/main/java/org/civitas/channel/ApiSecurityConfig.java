package org.civitas.channel;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.civitas.security.AppRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The machine channels' own security chain, before Vaadin's: {@code /api/**} and {@code /open311/**}, stateless,
 * no CSRF (no cookies are used), a key in {@code X-API-Key} (or Open311's {@code api_key} parameter)
 * becomes the principal {@code channel:<code>} with role CHANNEL. A wrong key is refused at once (401; Open311:
 * 403); Open311's GETs are open to anyone, as the spec has them, and show a channel system its own cases whole
 * when it sends its key.
 */
@Configuration
class ApiSecurityConfig {

    static final String HEADER = "X-API-Key";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ChannelService channels) throws Exception {
        http.securityMatcher("/api/**", "/open311/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(c -> c.disable())
                .cors(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new ApiKeyFilter(channels), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/open311/**").permitAll()
                        // the OpenAPI description and its viewer: for the channel systems' developers, no account
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/v1/**", "/open311/**").hasRole(AppRoles.CHANNEL)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> error(req, res, 401))
                        .accessDeniedHandler((req, res, ex) -> error(req, res, 403)));
        return http.build();
    }

    /**
     * A refusal before the controller: the native API's {@code {"errors":[…]}} with 401/403, or Open311's
     * {@code errors} list, where a missing or wrong {@code api_key} is a 403 as the GeoReport servers answer it.
     */
    static void error(HttpServletRequest req, HttpServletResponse res, int status) throws IOException {
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = req.getRequestURI() == null ? "" : req.getRequestURI();
        if (path.contains("/open311/")) {
            String key = status == 401 ? "open311.error.apiKey" : "api.error.forbidden";
            Open311Document doc = Open311Document.errors(HttpStatus.FORBIDDEN,
                    ApiErrors.text(key, Open311Document.locale(req.getHeader("Accept-Language"))));
            boolean xml = path.endsWith(".xml");
            res.setStatus(HttpStatus.FORBIDDEN.value());
            res.setContentType((xml ? Open311Document.XML : Open311Document.JSON).toString());
            res.getWriter().write(xml ? doc.xml() : doc.json());
            return;
        }
        res.setStatus(status);
        res.setContentType("application/json");
        res.getWriter().write(Json.write(ApiErrors.body(null, status == 401 ? "api.error.apiKey" : "api.error.forbidden")));
    }

    /** Authenticates the presented key; no key: the request goes on anonymous; a wrong key: 401. */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private final ChannelService channels;

        ApiKeyFilter(ChannelService channels) {
            this.channels = channels;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            if ((key == null || key.isBlank()) && request.getRequestURI().contains("/open311/")) {
                key = request.getParameter("api_key");
            }
            if (key == null || key.isBlank()) {
                chain.doFilter(request, response);
                return;
            }
            Optional<ChannelSystem> system = channels.authenticate(key);
            if (system.isEmpty()) {
                error(request, response, 401);
                return;
            }
            var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(new UsernamePasswordAuthenticationToken(system.get().principal(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.CHANNEL))));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.getContextHolderStrategy().clearContext();
            }
        }
    }
}
