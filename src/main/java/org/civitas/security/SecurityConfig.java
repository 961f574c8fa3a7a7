package org.civitas.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.LinkedHashMap;
import org.civitas.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
                                            StepAwareAuthenticationProvider passwordLogin,
                                            RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/images/**", "/icons/**", "/webjars/**", "/error").permitAll());
        // accounts: sessions in a registry (account/sessions ends them); the password login holds back the roles
        // while login steps (password change, TOTP) remain
        http.sessionManagement(s -> s.sessionFixation().changeSessionId().maximumSessions(-1)
                .sessionRegistry(sessionRegistry));
        http.authenticationProvider(passwordLogin);
        // Vaadin's own CSRF set-up also exempts the login page's path, so a foreign page could post a password to
        // /login and sign the visitor in as someone else (login CSRF). Only the framework's internal requests stay
        // exempt: they carry Vaadin's own CSRF token. The login form sends Spring's token from the _csrf meta tags
        // of the bootstrap page (DD022).
        // A login form whose token is stale (the page was open past the session's end, or the session changed since)
        // goes back to the login page with a word on it, not to a bare 403. Set on the CSRF filter itself: Vaadin's
        // configurer installs an access-denied handler of its own that would take precedence.
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> staleLogin = new LinkedHashMap<>();
        staleLogin.put(request -> "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()),
                (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/login?expired"));
        AccessDeniedHandler csrfDenied = new RequestMatcherDelegatingAccessDeniedHandler(staleLogin,
                new AccessDeniedHandlerImpl());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        filter.setAccessDeniedHandler(csrfDenied);
                        return filter;
                    }
                }));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
