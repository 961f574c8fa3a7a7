package org.civitas.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civitas.citizen.PublicLimits;
import org.civitas.citizen.ui.ClientAddress;
import org.civitas.test.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real HTTP to the app's Tomcat, from two loopback addresses: 127.0.0.1 plays nginx (listed in
 * {@code civitas.web.trusted-proxies}), 127.0.0.2 a client that reaches the node directly and forges the headers.
 * A small filter of this test shows what every filter and view behind it sees of the request, and takes public
 * lookups the way the tracking page does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civitas.embedded-db.data-dir=target/mariadb-proxy/data",
        "civitas.web.trusted-proxies=127.0.0.1",
        "civitas.public.lookups-per-hour=3"})
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, BehindTheProxyTest.Probe.class})
class BehindTheProxyTest {

    static final String PROXY = "127.0.0.1";
    static final String STRANGER = "127.0.0.2";

    @LocalServerPort int port;
    @Autowired PublicLimits limits;
    /** This context's own strategy; see BrowserTest for why a second context must put back the one it found. */
    @Autowired VaadinAwareSecurityContextHolderStrategy contextStrategy;
    private static SecurityContextHolderStrategy strategyOutside;

    @BeforeAll
    static void rememberSecurityContextStrategy() {
        strategyOutside = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void restoreSecurityContextStrategy() {
        if (strategyOutside != null) {
            SecurityContextHolder.setContextHolderStrategy(strategyOutside);
            strategyOutside = null;
        }
    }

    @BeforeEach
    void freshAllowances() {
        SecurityContextHolder.setContextHolderStrategy(contextStrategy);
        limits.forgetAll();
    }

    @Test
    void behind_the_trusted_proxy_the_request_carries_the_clients_address_and_scheme() throws IOException {
        assertThat(get(PROXY, "/probe/request", "X-Forwarded-For: 198.51.100.7", "X-Forwarded-Proto: https").body())
                .isEqualTo("198.51.100.7 https secure 443");
        // the client's own "X-Forwarded-For: 203.0.113.9", with the address the proxy appended after it
        assertThat(get(PROXY, "/probe/request", "X-Forwarded-For: 203.0.113.9, 198.51.100.7").body())
                .isEqualTo("198.51.100.7 http plain " + port);
        assertThat(get(PROXY, "/probe/request").body()).as("no headers: the proxy's own request")
                .isEqualTo("127.0.0.1 http plain " + port);
    }

    @Test
    void from_any_other_peer_the_forwarded_headers_are_ignored() throws IOException {
        assertThat(get(STRANGER, "/probe/request", "X-Forwarded-For: 198.51.100.7", "X-Forwarded-Proto: https").body())
                .isEqualTo("127.0.0.2 http plain " + port);
    }

    @Test
    void clients_behind_the_proxy_have_separate_public_allowances() throws IOException {
        for (int i = 1; i <= 3; i++) {
            assertThat(get(PROXY, "/probe/lookup", "X-Forwarded-For: 198.51.100.1").body()).as("lookup %d", i)
                    .isEqualTo("allowed 198.51.100.1");
        }
        assertThat(get(PROXY, "/probe/lookup", "X-Forwarded-For: 198.51.100.1").body()).isEqualTo("refused 198.51.100.1");
        assertThat(get(PROXY, "/probe/lookup", "X-Forwarded-For: 198.51.100.2").body()).isEqualTo("allowed 198.51.100.2");
        // a client that reaches the node directly cannot spend someone else's allowance, nor escape its own
        for (int i = 1; i <= 3; i++) {
            assertThat(get(STRANGER, "/probe/lookup", "X-Forwarded-For: 198.51.100.2").body())
                    .isEqualTo("allowed 127.0.0.2");
        }
        assertThat(get(STRANGER, "/probe/lookup", "X-Forwarded-For: 198.51.100.9").body()).isEqualTo("refused 127.0.0.2");
        assertThat(get(PROXY, "/probe/lookup", "X-Forwarded-For: 198.51.100.2").body()).isEqualTo("allowed 198.51.100.2");
    }

    @Test
    void the_session_cookie_is_secure_httponly_and_lax_over_forwarded_https() throws IOException {
        Reply login = get(PROXY, "/login", "X-Forwarded-For: 198.51.100.7", "X-Forwarded-Proto: https");
        assertThat(login.status()).isEqualTo(200);
        assertThat(sessionCookie(login)).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
    }

    @Test
    void over_plain_http_or_from_a_stranger_claiming_https_the_cookie_is_not_secure() throws IOException {
        String plain = sessionCookie(get(PROXY, "/login"));
        assertThat(plain).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");
        assertThat(sessionCookie(get(STRANGER, "/login", "X-Forwarded-Proto: https"))).doesNotContain("Secure");
    }

    private static String sessionCookie(Reply reply) {
        return reply.headers().stream().filter(h -> h.startsWith("Set-Cookie: JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers()));
    }

    record Reply(int status, List<String> headers, String body) {
    }

    /** One HTTP/1.0 GET from the given local address (Java's HTTP clients cannot choose it). */
    Reply get(String from, String path, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            List<String> head = List.of(response.substring(0, end).split("\r\n"));
            return new Reply(Integer.parseInt(head.get(0).split(" ")[1]), head.subList(1, head.size()),
                    response.substring(end + 4));
        }
    }

    /** /probe/request tells address, scheme, secure and port; /probe/lookup takes one public lookup. */
    @TestConfiguration
    static class Probe {

        @Bean
        FilterRegistrationBean<Filter> probe(ClientAddress client, PublicLimits limits) {
            Filter filter = (req, res, chain) -> {
                HttpServletRequest request = (HttpServletRequest) req;
                String answer;
                if (request.getRequestURI().equals("/probe/request")) {
                    answer = request.getRemoteAddr() + " " + request.getScheme() + " "
                            + (request.isSecure() ? "secure" : "plain") + " " + request.getServerPort();
                } else {
                    String address = client.current();
                    answer = (limits.tryUse(PublicLimits.Use.TRACK, address) ? "allowed " : "refused ") + address;
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                ((HttpServletResponse) res).setContentLength(body.length);
                res.getOutputStream().write(body);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/probe/*");
            // after Spring's RequestContextFilter (-105), which ClientAddress reads; before Spring Security (-100)
            registration.setOrder(-104);
            return registration;
        }
    }
}
