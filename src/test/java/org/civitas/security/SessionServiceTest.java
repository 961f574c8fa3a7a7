package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.session.HttpSessionCreatedEvent;

/** A user sees their own sessions and ends another one; the security administrator sees and ends anyone's. */
@IntegrationTest
class SessionServiceTest {

    @Autowired SessionService sessions;
    @Autowired SessionRegistry registry;
    @Autowired SessionTracker tracker;
    @Autowired ApplicationEventPublisher events;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_user_ends_their_other_session_and_that_session_is_invalidated() {
        MockHttpSession office = signIn("clerk.jiangan", "10.1.1.1", "Firefox/140");
        MockHttpSession home = signIn("clerk.jiangan", "10.2.2.2", "Chrome/141");
        MockHttpSession someoneElse = signIn("clerk.wuchang", "10.3.3.3", "Edge/141");
        actAs("clerk.jiangan");

        List<SessionRow> mine = sessions.mine(office.getId());
        assertThat(mine).extracting(SessionRow::client).containsExactlyInAnyOrder("10.1.1.1", "10.2.2.2");
        assertThat(mine).filteredOn(SessionRow::current).extracting(SessionRow::client).containsExactly("10.1.1.1");
        assertThat(mine).extracting(SessionRow::userAgent).contains("Chrome/141");

        SessionRow other = mine.stream().filter(r -> !r.current()).findFirst().orElseThrow();
        assertThatThrownBy(() -> sessions.endMine(SessionService.key(office.getId()), office.getId()))
                .as("the current one ends by logging out")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("session.error.current"));
        assertThatThrownBy(() -> sessions.endMine(SessionService.key(someoneElse.getId()), office.getId()))
                .as("not another user's").isInstanceOf(RuleViolation.class);
        assertThat(someoneElse.isInvalid()).isFalse();

        sessions.endMine(other.key(), office.getId());
        assertThat(home.isInvalid()).isTrue();
        assertThat(office.isInvalid()).isFalse();
        assertThat(registry.getSessionInformation(home.getId())).isNull();
        assertThat(sessions.mine(office.getId())).extracting(SessionRow::client).containsExactly("10.1.1.1");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'clerk.jiangan' "
                + "and action = 'SESSION_ENDED_BY_USER'", Integer.class)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void only_the_security_administrator_sees_and_ends_everyones_sessions() {
        MockHttpSession clerk = signIn("clerk.chengguan", "10.4.4.4", "Safari/18");
        MockHttpSession own = signIn("secadmin", "10.5.5.5", "Firefox/140");
        actAs("admin");
        assertThatThrownBy(() -> sessions.all(own.getId())).isInstanceOf(AccessDeniedException.class);
        actAs("secadmin");
        assertThat(sessions.all(own.getId())).extracting(SessionRow::username).contains("clerk.chengguan", "secadmin");
        sessions.endAny(SessionService.key(clerk.getId()), own.getId());
        assertThat(clerk.isInvalid()).isTrue();
    }

    private MockHttpSession signIn(String username, String client, String agent) {
        MockHttpSession session = new MockHttpSession();
        events.publishEvent(new HttpSessionCreatedEvent(session));
        tracker.describe(session, username, client, agent);
        registry.registerNewSession(session.getId(), userDetails.loadUserByUsername(username));
        return session;
    }

    private void actAs(String username) {
        UserDetails user = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
