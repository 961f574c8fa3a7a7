package org.civitas.test;

import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

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

    public static void user(String username, Runnable action, String... roles) {
        user(username, () -> {
            action.run();
            return null;
        }, roles);
    }
}
