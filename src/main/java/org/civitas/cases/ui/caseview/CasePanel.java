package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.civitas.cases.CaseDetails;

/**
 * A section another feature adds to the case view (supervision orders, later inspections) without the case view
 * depending on that feature. Implementations are Spring beans; the view asks each of them on every (re)load, in
 * their {@code @Order}.
 */
public interface CasePanel {

    /**
     * The section for this case as the current user may see it, or empty when the user has nothing to see there.
     * {@code onChange} reloads the case view (its timeline shows what the section just did).
     */
    Optional<Component> create(CaseDetails details, Runnable onChange);
}
