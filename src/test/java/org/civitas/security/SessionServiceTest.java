package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
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
    @Autowired UserService userAdmin;
    @Autowired WebApplicationContext context;

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
        assertThat(registry.getSessionInformation(home.getId()).isExpired()).isTrue();
        assertThat(sessions.mine(office.getId())).extracting(SessionRow::client).containsExactly("10.1.1.1");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'clerk.jiangan' "
                + "and action = 'SESSION_ENDED_BY_USER'", Integer.class)).isGreaterThanOrEqualTo(1);
    }

    /** Two nodes share the registry table: a session held by the other node is listed here and ended from here. */
    @Test
    void a_session_held_by_another_node_is_listed_and_ended_from_this_one() {
        MockHttpSession here = signIn("clerk.wuchang", "10.6.6.6", "Firefox/140");
        JdbcSessionRegistry otherNode = new JdbcSessionRegistry(jdbc, java.time.Clock.systemUTC(), "node2");
        String thereId = "node2-session-" + System.nanoTime() + ".node2";
        otherNode.registerNewSession(thereId, "clerk.wuchang");
        actAs("clerk.wuchang");
        assertThat(sessions.mine(here.getId())).extracting(SessionRow::key).contains(SessionService.key(thereId));
        sessions.endMine(SessionService.key(thereId), here.getId());
        assertThat(otherNode.getSessionInformation(thereId).isExpired())
                .as("the other node's filter sees the session ended").isTrue();
        assertThat(otherNode.getSessionInformation(here.getId()).isExpired()).isFalse();
        otherNode.removeSessionInformation(thereId);
    }

    /**
     * A node believes a live session it read for {@value JdbcSessionRegistry#CHECK_MILLIS} ms: ended on another node,
     * it is logged out at the first request after that; ended on this node, at once.
     */
    @Test
    void a_session_ended_on_another_node_is_seen_ended_within_the_check_interval_and_at_once_on_its_own() {
        var clock = new org.civitas.test.MutableClock(java.time.Instant.parse("2026-11-29T08:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
        JdbcSessionRegistry here = new JdbcSessionRegistry(jdbc, clock, "node1");
        JdbcSessionRegistry there = new JdbcSessionRegistry(jdbc, clock, "node2");
        String id = "checked-" + System.nanoTime();
        here.registerNewSession(id, "clerk.wuchang");
        assertThat(here.getSessionInformation(id).isExpired()).isFalse();

        there.getAllSessions("clerk.wuchang", false).stream().filter(i -> i.getSessionId().equals(id))
                .findFirst().orElseThrow().expireNow();
        assertThat(there.getSessionInformation(id).isExpired()).as("the node that ended it").isTrue();
        clock.advance(java.time.Duration.ofMillis(JdbcSessionRegistry.CHECK_MILLIS - 1));
        assertThat(here.getSessionInformation(id).isExpired()).as("still believed within the interval").isFalse();
        clock.advance(java.time.Duration.ofMillis(1));
        assertThat(here.getSessionInformation(id).isExpired()).as("read again after it").isTrue();

        String local = "checked-local-" + System.nanoTime();
        here.registerNewSession(local, "clerk.wuchang");
        assertThat(here.getSessionInformation(local).isExpired()).isFalse();
        here.getAllSessions("clerk.wuchang", false).stream().filter(i -> i.getSessionId().equals(local))
                .findFirst().orElseThrow().expireNow();
        assertThat(here.getSessionInformation(local).isExpired()).as("ended on this node: at once").isTrue();
        here.removeSessionInformation(id);
        here.removeSessionInformation(local);
        assertThat(here.getSessionInformation(local)).isNull();
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

    @Test
    void a_session_ended_elsewhere_is_logged_out_at_its_next_request() throws Exception {
        String name = "sess" + System.nanoTime();
        org.civitas.test.RunAs.user("admin", () -> userAdmin.create(new UserForm(name, "会话测试",
                java.util.Set.of(AppRoles.OPERATOR), null, null, true, "Session-Pass-2026")), AppRoles.ADMIN);
        jdbc.update("update app_user set must_change_password = false where username = ?", name);
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession first = formLogin(mvc, name);
        MockHttpSession second = formLogin(mvc, name);
        assertThat(registry.getSessionInformation(first.getId())).isNotNull();

        actAs(name);
        List<SessionRow> mine = sessions.mine(first.getId());
        assertThat(mine).hasSize(2);
        sessions.endMine(SessionService.key(second.getId()), first.getId());
        SecurityContextHolder.clearContext();

        // MockMvc has no session listeners, so the tracker does not hold these sessions: the registry's expiry
        // alone must log the session out at its next request (the filter answers before Vaadin's servlet)
        var answer = mvc.perform(get("/").session(second)).andReturn();
        assertThat(answer.getResponse().getContentAsString()).contains("expired");
        assertThat(second.isInvalid()).as("the ended session is logged out by the concurrent-session filter").isTrue();
        assertThat(first.isInvalid()).isFalse();
        assertThat(registry.getSessionInformation(first.getId()).isExpired()).isFalse();
    }

    private MockHttpSession formLogin(org.springframework.test.web.servlet.MockMvc mvc, String name) throws Exception {
        var result = mvc.perform(post("/login").param("username", name).param("password", "Session-Pass-2026")
                .with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession(false);
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
