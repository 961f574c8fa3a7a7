package org.civitas.calendar;

/** Argument checks that fail with IllegalArgumentException, as the calendar API promises callers. */
final class Require {

    private Require() {
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static int atLeastOne(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + n);
        }
        return n;
    }
}
