package org.civitas.supervision;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a step of a test as one of the demo users (with their unit), then restores who was signed in. */
final class Users {

    private final UserDetailsService users;

    Users(UserDetailsService users) {
        this.users = users;
    }

    <T> T as(String username, Supplier<T> action) {
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

    void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }
}
