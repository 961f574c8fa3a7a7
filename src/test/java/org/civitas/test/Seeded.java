package org.civitas.test;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded random input for property-style tests under plain JUnit 5 (used inside Spring tests, where a property
 * engine's own lifecycle would not fit). Each run draws a fresh seed unless {@value #SEED_PROPERTY} is set; every
 * failure names the seed, the try and the input, so
 * {@code ./mvnw test -Dtest=SomeTest -Dcivitas.seed=<seed>} replays exactly the failing run.
 */
public final class Seeded {

    public static final String SEED_PROPERTY = "civitas.seed";

    private final long seed;
    private final Random random;

    private Seeded(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seed from {@value #SEED_PROPERTY}, or a new one. */
    public static Seeded fromProperty() {
        String given = System.getProperty(SEED_PROPERTY);
        return new Seeded(given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given.trim()));
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    /** A value from the generator, drawn from this run's random source. */
    public <T> T next(Gen<T> gen) {
        return gen.next(random);
    }

    /** {@code valid} seven times in ten, else a value from {@code hostile}: some inputs pass, most do not. */
    public <T> T mostlyValid(T valid, Gen<T> hostile) {
        return random.nextInt(10) < 7 ? valid : hostile.next(random);
    }

    /**
     * Runs one check of the property; an assertion or exception comes back as an AssertionError that names the seed,
     * the try and the input (its text, and its code points, which show what a terminal would not).
     */
    public void check(String what, Supplier<String> input, Check check) {
        try {
            check.run();
        } catch (Throwable failure) {
            String shown = input.get();
            throw new AssertionError("%s failed with seed %d (replay: -D%s=%d)%ninput: %s%ncode points: %s"
                    .formatted(what, seed, SEED_PROPERTY, seed, shown, codePoints(shown)), failure);
        }
    }

    /** Code points in hex. */
    public static String codePoints(String s) {
        return s == null ? "null" : s.codePoints().mapToObj(Integer::toHexString).reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** A generator of values from a random source. */
    @FunctionalInterface
    public interface Gen<T> {

        T next(Random random);

        /** One of the given values, each as likely. */
        static <T> Gen<T> of(List<T> values) {
            List<T> copy = List.copyOf(values);
            return random -> copy.get(random.nextInt(copy.size()));
        }

        /** Always {@code value} (which may be null). */
        static <T> Gen<T> just(T value) {
            return random -> value;
        }

        /** A value from one of the generators, each as likely. */
        @SafeVarargs
        static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
            List<Gen<? extends T>> copy = List.of(generators);
            return random -> copy.get(random.nextInt(copy.size())).next(random);
        }

        /** Any UTF-16 chars (controls, lone surrogates, noncharacters, private use) of 0 to {@code maxLength}. */
        static Gen<String> anyChars(int maxLength) {
            return random -> {
                int length = length(random, 0, maxLength);
                StringBuilder s = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    s.append((char) random.nextInt(Character.MAX_VALUE + 1));
                }
                return s.toString();
            };
        }

        /** Strings of the given chars only. */
        static Gen<String> chars(String alphabet, int minLength, int maxLength) {
            return random -> {
                int length = length(random, minLength, maxLength);
                StringBuilder s = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return s.toString();
            };
        }

        /** Strings of ASCII letters. */
        static Gen<String> alpha(int minLength, int maxLength) {
            return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", minLength, maxLength);
        }

        /** A length in [min, max], with the edges (where limits bite) drawn more often than the middle. */
        private static int length(Random random, int min, int max) {
            return switch (random.nextInt(8)) {
                case 0 -> min;
                case 1 -> max;
                default -> min + random.nextInt(max - min + 1);
            };
        }
    }
}
