package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF: a password posted to /login signs in only with the CSRF token of the visitor's own login page, so a
 * foreign page cannot sign a visitor in as someone else. Logging out by POST needs the token as well. Real HTTP
 * against the browser tests' server (the login form posts outside Vaadin's own requests).
 */
class LoginCsrfTest extends BrowserTest {

    private static final String USER = "operator";

    @Test
    void a_login_posted_without_a_csrf_token_is_refused() {
        HttpVisitor visitor = new HttpVisitor(port);
        HttpResponse<String> refused = visitor.post("/login", Map.of("username", USER, "password", PASSWORD));
        assertRefusedToTheLoginPage(refused);
        assertSignedOut(visitor);
    }

    @Test
    void a_login_posted_with_a_wrong_token_is_refused_even_when_the_login_page_was_open() {
        HttpVisitor visitor = new HttpVisitor(port);
        String page = visitor.get("/login").body();
        assertThat(HttpVisitor.meta(page, "_csrf_parameter")).isEqualTo("_csrf");
        HttpResponse<String> refused = visitor.post("/login",
                Map.of("username", USER, "password", PASSWORD, "_csrf", "forged-token"));
        assertRefusedToTheLoginPage(refused);
        assertSignedOut(visitor);
        assertRefusedToTheLoginPage(visitor.post("/login", Map.of("username", USER, "password", PASSWORD)));
        assertSignedOut(visitor);
    }

    @Test
    void a_login_with_the_token_of_the_login_page_signs_in_and_logout_needs_the_token_too() {
        HttpVisitor user = signedIn();

        HttpResponse<String> home = user.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        HttpResponse<String> noToken = user.post("/logout", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(user.get("/").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> loggedOut = user.post("/logout", Map.of("_csrf", HttpVisitor.meta(home.body(), "_csrf")));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertSignedOut(user);
    }

    private HttpVisitor signedIn() {
        HttpVisitor user = new HttpVisitor(port);
        String page = user.get("/login").body();
        HttpResponse<String> login = user.post("/login", Map.of("username", USER, "password", PASSWORD,
                HttpVisitor.meta(page, "_csrf_parameter"), HttpVisitor.meta(page, "_csrf")));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        return user;
    }

    /** Refused, back to the login page with a word on it (a stale form is what a person meets), never signed in. */
    private static void assertRefusedToTheLoginPage(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    private static void assertSignedOut(HttpVisitor visitor) {
        HttpResponse<String> home = visitor.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
