package org.civitas.cases;

import java.util.List;

/**
 * New cases written together by the batch intake, published in their transaction in place of one
 * {@link CaseChanged} (and {@link CaseDispatched}) per case, so that listeners write their rows for all of them at
 * once: the notices of the units' clerks, the dirty days of the aggregates, the status callbacks.
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
