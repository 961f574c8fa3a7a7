package org.civitas.supervision;

import java.util.List;

/**
 * One sweep saw these cases enter their warning window (80 % of the time used; emergency: 30 minutes left) while
 * still in time. Each case appears once per deadline across all sweeps. Published once per sweep that found any,
 * inside the sweep's transaction, so listeners write their rows in bulk and commit or roll back with it.
 */
public record CasesWarned(List<SweptCase> cases) {

    public CasesWarned {
        cases = List.copyOf(cases);
    }
}
