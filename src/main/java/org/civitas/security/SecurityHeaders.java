package org.civitas.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side hardening headers on every answer, in front of both security chains (the Vaadin app's and the
 * channel API's) and on error dispatches too, so no page type is left without them (DD022).
 *
 * <p>Vaadin documents get a fresh script nonce per response ({@link CspNonce} stamps it on the bootstrap page's
 * inline scripts); the channel API answers JSON only and gets a policy that allows nothing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    /** Request attribute holding this response's script nonce. */
    static final String NONCE = SecurityHeaders.class.getName() + ".nonce";

    /**
     * Vaadin pages. 'unsafe-eval': Flow's client builds every executeJs call and every event-data expression with
     * {@code new Function} and renders nothing without it; 'unsafe-inline' styles: the bootstrap page, the theme
     * loader and Lumo inject style elements at run time (measured in DD022). Scripts need the nonce or this origin.
     */
    static String appPolicy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** JSON answers of /api and /open311: nothing to run, load or frame. */
    static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The OpenAPI viewer (Swagger UI): its own scripts and styles, no eval. */
    static final String API_DOCS_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Powerful features the app never uses are off. Geolocation is left to the browser's own consent prompt where a
     * page may ask: the citizen's report page and the back office (an inspector records where a finding is); never
     * the login page, the APIs or their viewer.
     */
    static String permissionsPolicy(String path) {
        return permissionsPolicy(mayLocate(path));
    }

    /** The back office is one document per visit, loaded at whatever route the person opened after logging in. */
    static boolean mayLocate(String path) {
        return !(path.equals("/login") || path.startsWith("/login/") || path.startsWith("/api/")
                || path.startsWith("/open311/") || path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs")
                || path.startsWith("/actuator"));
    }

    static String permissionsPolicy(boolean geolocation) {
        return "accelerometer=(), camera=(), display-capture=(), geolocation=" + (geolocation ? "(self)" : "()")
                + ", gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
                + "publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()";
    }

    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = Optional.ofNullable(request.getRequestURI()).orElse("")
                    .substring(Optional.ofNullable(request.getContextPath()).orElse("").length());
            response.setHeader("Content-Security-Policy", policy(path, request));
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Permissions-Policy", permissionsPolicy(path));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            chain.doFilter(request, response);
        }

        private static String policy(String path, HttpServletRequest request) {
            if (path.startsWith("/api/") || path.startsWith("/open311/")) {
                return API_POLICY;
            }
            if (path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs")) {
                return API_DOCS_POLICY;
            }
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE, nonce);
            return appPolicy(nonce);
        }

        /** An error page is a new answer: it gets the headers (and a nonce) again. */
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }
    }
}
