package org.civitas.supervision;

import java.util.function.Supplier;
import org.civitas.test.RunAs;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a step of a test as one of the demo users (with their unit), then restores who was signed in. */
final class Users {

    private final UserDetailsService users;

    Users(UserDetailsService users) {
        this.users = users;
    }

    <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }

    void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }
}
