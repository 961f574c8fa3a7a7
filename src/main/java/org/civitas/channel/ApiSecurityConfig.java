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
 * no CSRF (no cookies are used), a key in {@code X-API-Key} (or Open311's {@code api_key} parameter on a POST)
 * becomes the principal {@code channel:<code>} with role CHANNEL. A wrong key is a 401 at once; Open311's GETs
 * are open to anyone, as the spec has them.
 */
@Configuration
class ApiSecurityConfig {

    static final String HEADER = "X-API-Key";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ChannelService channels) throws Exception {
        http.securityMatcher("/api/**", "/open311/**")
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
                        .requestMatchers("/api/v1/**", "/open311/**").hasRole(AppRoles.CHANNEL)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> error(req, res, 401))
                        .accessDeniedHandler((req, res, ex) -> error(req, res, 403)));
        return http.build();
    }

    static void error(HttpServletRequest req, HttpServletResponse res, int status) throws IOException {
        res.setStatus(status);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = req.getRequestURI() == null ? "" : req.getRequestURI();
        boolean open311 = path.contains("/open311/");
        boolean xml = open311 && path.endsWith(".xml");
        String en = status == 401 ? "Missing or invalid API key." : "Not allowed.";
        if (xml) {
            res.setContentType("application/xml");
            res.getWriter().write("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>" + status
                    + "</code><description>" + en + "</description></error></errors>");
        } else if (open311) {
            res.setContentType("application/json");
            res.getWriter().write("[{\"code\":" + status + ",\"description\":\"" + en + "\"}]");
        } else {
            res.setContentType("application/json");
            String zh = status == 401 ? "API 密钥缺失或无效。" : "无权访问。";
            res.getWriter().write("{\"errors\":[{\"field\":null,\"message\":\"" + zh + "\",\"message_en\":\""
                    + en + "\"}]}");
        }
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
            if ((key == null || key.isBlank()) && "POST".equals(request.getMethod())
                    && request.getRequestURI().contains("/open311/")) {
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
