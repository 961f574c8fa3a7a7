package org.civitas.supervision;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One sweep issued an automatic supervision order (督办) to each of these cases, late by the set number of working
 * days, with the answer due at {@code answerDueAt}. A case gets one per deadline and dispatch. Published once per
 * sweep that issued any, inside the sweep's transaction. Orders issued by a supervisor are
 * {@link SupervisionOrderIssued}.
 */
public record CasesSupervised(LocalDateTime answerDueAt, List<SweptCase> cases) {

    public CasesSupervised {
        cases = List.copyOf(cases);
    }
}
