package org.civitas.supervision;

import java.util.List;

/**
 * One sweep saw these cases pass their handling deadline and issued each its automatic reminder (催办) and history
 * row. Each case appears once per deadline across all sweeps. Published once per sweep that found any, inside the
 * sweep's transaction.
 */
public record CasesOverdue(List<SweptCase> cases) {

    public CasesOverdue {
        cases = List.copyOf(cases);
    }
}
