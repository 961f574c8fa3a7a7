package org.civitas.cases;

import java.util.List;

/**
 * New cases, published in the transaction that wrote them: the one event for a new case, whichever way it came
 * (the operator's form and an inspection finding as a batch of one, the public form, a channel system's request or
 * batch; docs/decisions/DD049-one-intake-path.md). It stands for one {@link CaseChanged} and one
 * {@link CaseDispatched} per case, so that listeners write their rows for all of them at once: the notices of the
 * units' clerks, the dirty days of the aggregates, the status callbacks.
 *
 * @param changed each new case, as {@link CaseChanged} with {@code created} true
 * @param dispatched the cases among them dispatched at registration
 */
public record CasesFiled(List<CaseChanged> changed, List<CaseDispatched> dispatched) {

    public CasesFiled {
        changed = List.copyOf(changed);
        dispatched = List.copyOf(dispatched);
    }
}
