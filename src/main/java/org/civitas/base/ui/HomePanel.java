package org.civitas.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the home page (工作台) that a feature adds without the application shell depending on that feature
 * (docs/decisions/DD002-packages-by-feature.md). Implementations are Spring beans; the home page asks each of them,
 * in their {@code @Order}, every time it is built.
 */
public interface HomePanel {

    /** The panel as the signed-in user may see it, or empty when their roles have nothing to see here. */
    Optional<Component> create();
}
