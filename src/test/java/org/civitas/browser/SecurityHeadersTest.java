package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of answer carries the browser hardening headers (DD022), the channel API's JSON and errors included. */
class SecurityHeadersTest extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/login",                                      // the login page (a Vaadin route)
            "/",                                           // a protected Vaadin route: the redirect to /login
            "/analysis",
            "/public/report",                              // the citizens' pages
            "/public/track",
            "/public/stats",
            "/webjars/echarts/5.3.1/dist/echarts.min.js",  // a WebJar
            "/VAADIN/static/push/vaadinPush-min.js",       // Vaadin's static resources
            "/images/no-such-image.png",                   // a static image path: Spring's 404 error page
            "/no-such-page",                               // Vaadin's 404
            "/api/v1/cases/by-number/X",                   // the channel API (refused without a key)
            "/open311/v2/services.json",                   // Open311 (open GET)
            "/open311/v2/no-such.json",
            "/v3/api-docs",
            "/actuator/health"})
    void every_answer_carries_the_hardening_headers(String path) {
        HttpHeaders headers = new HttpVisitor(port).get(path).headers();
        assertThat(headers.allValues("Content-Security-Policy")).as(path).hasSize(1);
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).as(path).contains("frame-ancestors 'none'").doesNotContain("'unsafe-inline' 'unsafe-eval'");
        assertThat(directive(csp, "script-src")).as(path).doesNotContain("'unsafe-inline'");
        assertThat(headers.allValues("Referrer-Policy")).as(path).containsExactly("same-origin");
        assertThat(headers.allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
        assertThat(headers.allValues("X-Frame-Options")).as(path).containsExactly("DENY");
        String permissions = headers.firstValue("Permissions-Policy").orElseThrow();
        assertThat(permissions).as(path).contains("camera=()", "microphone=()", "payment=()", "usb=()")
                .contains(path.equals("/login") || path.startsWith("/api/") || path.startsWith("/open311/")
                        || path.startsWith("/v3/") || path.startsWith("/actuator/")
                        ? "geolocation=()" : "geolocation=(self)");
        if (path.startsWith("/api/") || path.startsWith("/open311/")) {
            assertThat(csp).as(path).startsWith("default-src 'none'");
        } else {
            assertThat(csp).as(path).contains("default-src 'self'", "object-src 'none'", "base-uri 'self'",
                    "form-action 'self'");
        }
    }

    @Test
    void every_page_names_the_shipped_tab_icon_so_no_browser_asks_for_a_missing_favicon() {
        HttpVisitor visitor = new HttpVisitor(port);
        assertThat(visitor.get("/login").body()).contains("<link href=\"icons/civitas.svg\" rel=\"icon\"");
        HttpResponse<String> icon = visitor.get("/icons/civitas.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    }

    @Test
    void the_bootstrap_page_runs_only_scripts_with_this_answers_nonce() {
        HttpVisitor visitor = new HttpVisitor(port);
        HttpResponse<String> first = visitor.get("/login");
        String nonce = nonce(first.headers());
        List<String> scripts = Pattern.compile("<script\\b[^>]*>").matcher(first.body()).results()
                .map(m -> m.group()).toList();
        assertThat(scripts).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));
        assertThat(nonce(visitor.get("/login").headers())).as("a fresh nonce per answer").isNotEqualTo(nonce);
    }

    @Test
    void the_refusal_of_a_login_without_token_carries_them_too() {
        HttpVisitor visitor = new HttpVisitor(port);
        HttpHeaders refused = visitor.post("/login", Map.of("username", "operator", "password", PASSWORD)).headers();
        assertThat(refused.allValues("Content-Security-Policy")).hasSize(1);
        assertThat(refused.allValues("X-Frame-Options")).containsExactly("DENY");
    }

    private static String nonce(HttpHeaders headers) {
        Matcher m = Pattern.compile("'nonce-([^']+)'")
                .matcher(headers.firstValue("Content-Security-Policy").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String directive(String csp, String name) {
        return Pattern.compile(";\\s*").splitAsStream(csp).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElse("");
    }
}
