package org.civitas.base;

import java.util.Arrays;

/**
 * A request refused by a business rule. It carries a translation key and its arguments, so every view shows the
 * reason in the user's language; services throw it before changing anything.
 */
public class RuleViolation extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public RuleViolation(String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.key = key;
        this.args = args.clone();
    }

    /** An argument that is itself a translation key, e.g. a state's label. */
    public record Key(String key) {
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
