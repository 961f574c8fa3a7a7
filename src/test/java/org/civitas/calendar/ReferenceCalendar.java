package org.civitas.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real published calendar shipped with the app, so the tests check the data as well as the code. */
final class ReferenceCalendar {

    static final String PATH = "/reference/cn-calendar-2016-2026.csv";

    private ReferenceCalendar() {
    }

    static WorkingCalendar load() {
        try (InputStream in = ReferenceCalendar.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is not on the classpath");
            }
            return WorkingCalendar.fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
