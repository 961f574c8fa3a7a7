package org.civitas.channel;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.civitas.base.identity.AppRoles;
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
 * when it sends its key. {@link ApiLimits} counts every request here: 429 with {@code Retry-After} beyond an
 * allowance. Paths no endpoint serves answer 404 in the API's format ({@link ApiNotFound}), never Vaadin's page.
 */
@Configuration
class ApiSecurityConfig {

    static final String HEADER = "X-API-Key";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ChannelService channels, ApiLimits limits,
                                               Json json) throws Exception {
        http.securityMatcher("/api/**", "/open311/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(c -> c.disable())
                .cors(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new ApiKeyFilter(channels, limits, json), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/open311/**").permitAll()
                        // the OpenAPI description and its viewer: for the channel systems' developers, no account
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/v1/**", "/open311/**").hasRole(AppRoles.CHANNEL)
                        // no endpoint: ApiNotFound's 404 for anyone, which tells nothing a 401 would not
                        .requestMatchers("/api/**").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> error(json, req, res, 401))
                        .accessDeniedHandler((req, res, ex) -> error(json, req, res, 403)));
        return http.build();
    }

    /**
     * A refusal before the controller: the native API's {@code {"errors":[…]}} with 401/403, or Open311's
     * {@code errors} list, where a missing or wrong {@code api_key} is a 403 as the GeoReport servers answer it.
     */
    static void error(Json json, HttpServletRequest req, HttpServletResponse res, int status) throws IOException {
        String path = req.getRequestURI() == null ? "" : req.getRequestURI();
        if (path.contains("/open311/")) {
            error(json, req, res, HttpStatus.FORBIDDEN,
                    status == 401 ? "open311.error.apiKey" : "api.error.forbidden");
        } else {
            error(json, req, res, HttpStatus.valueOf(status),
                    status == 401 ? "api.error.apiKey" : "api.error.forbidden");
        }
    }

    /** A refusal in the format of the path: Open311's error list (XML for {@code .xml}), else the native JSON. */
    static void error(Json json, HttpServletRequest req, HttpServletResponse res, HttpStatus status, String key,
                      Object... args) throws IOException {
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setStatus(status.value());
        String path = req.getRequestURI() == null ? "" : req.getRequestURI();
        if (path.contains("/open311/")) {
            Open311Document doc = Open311Document.errors(status,
                    ApiErrors.text(key, Open311Document.locale(req.getHeader("Accept-Language")), args));
            boolean xml = path.endsWith(".xml");
            res.setContentType((xml ? Open311Document.XML : Open311Document.JSON).toString());
            res.getWriter().write(xml ? doc.xml() : doc.json(json));
            return;
        }
        res.setContentType("application/json");
        res.getWriter().write(json.write(ApiErrors.body(null, key, args)));
    }

    /** 429 with {@code Retry-After}: the allowance is spent until the next token. */
    static void tooMany(Json json, HttpServletRequest req, HttpServletResponse res, ApiLimits.Refusal refusal)
            throws IOException {
        res.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        error(json, req, res, HttpStatus.TOO_MANY_REQUESTS, "api.error.rateLimited", refusal.retryAfterSeconds());
    }

    /**
     * Authenticates the presented key and counts the request; no key: the request goes on anonymous (an Open311 read
     * counted per address); a wrong key: 401, and 429 once the address has sent too many.
     */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private final ChannelService channels;
        private final ApiLimits limits;
        private final Json json;

        ApiKeyFilter(ChannelService channels, ApiLimits limits, Json json) {
            this.channels = channels;
            this.limits = limits;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            if ((key == null || key.isBlank()) && request.getRequestURI().contains("/open311/")) {
                key = request.getParameter("api_key");
            }
            String uri = request.getRequestURI();
            boolean counted = uri.startsWith(request.getContextPath() + "/api/")
                    || uri.startsWith(request.getContextPath() + "/open311/");
            // the servlet's remote address: behind the trusted proxy the server resolves it to the client's
            String address = request.getRemoteAddr();
            boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
            if (key == null || key.isBlank()) {
                ApiLimits.Refusal refusal = counted && read && uri.contains("/open311/")
                        ? limits.anonymousRead(address) : null;
                if (refusal != null) {
                    tooMany(json, request, response, refusal);
                    return;
                }
                chain.doFilter(request, response);
                return;
            }
            ApiLimits.Refusal blocked = limits.keyBlocked(address);
            if (blocked != null) {
                tooMany(json, request, response, blocked);
                return;
            }
            Optional<ChannelSystem> system = channels.authenticate(key);
            if (system.isEmpty()) {
                ApiLimits.Refusal refusal = limits.keyFailed(address);
                if (refusal != null) {
                    tooMany(json, request, response, refusal);
                } else {
                    error(json, request, response, 401);
                }
                return;
            }
            ApiLimits.Refusal refusal = counted ? limits.system(system.get().code(), !read) : null;
            if (refusal != null) {
                tooMany(json, request, response, refusal);
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
