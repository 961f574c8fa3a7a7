package org.civitas.test;

import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a piece of a test as a user with the given roles, then restores the previous authentication. */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T user(String username, Supplier<T> action, String... roles) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(username, "n/a", authorities));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /**
     * Runs {@code action} as a real account of the database (its roles and unit, as after a login), then restores the
     * previous authentication: for tests of what a unit clerk is scoped to.
     */
    public static <T> T account(UserDetailsService users, String username, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void account(UserDetailsService users, String username, Runnable action) {
        account(users, username, () -> {
            action.run();
            return null;
        });
    }

    public static void user(String username, Runnable action, String... roles) {
        user(username, () -> {
            action.run();
            return null;
        }, roles);
    }
}
