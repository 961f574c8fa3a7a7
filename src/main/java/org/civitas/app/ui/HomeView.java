package org.civitas.app.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.base.ui.HomePanel;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.springframework.beans.factory.ObjectProvider;

/**
 * 工作台: the landing page of every role, each with its own 我的待办: the operator their registrations of the day and
 * the classification queue, the inspector their rounds and notices due, the clerk and the supervisor their case
 * queue and nearest deadlines; supervisors and leaders also the day's and month's figures with charts (a leader's
 * queue cards are those figures, not a to-do list). Every card links to the list behind it. Administrators and
 * auditors see no case content (等保 separation of duties), only the welcome. The panels are the features' own
 * ({@link HomePanel}), so the shell depends on no feature for them.
 */
@Route("")
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser, CatalogService catalog, ObjectProvider<HomePanel> panels) {
        add(new H2(getTranslation("home.welcome", currentUser.displayName())));
        String roles = AppRoles.ALL.stream().filter(currentUser::hasRole)
                .map(r -> getTranslation("role." + r)).collect(Collectors.joining(getTranslation("list.separator")));
        add(new Paragraph(getTranslation("home.roles", roles)));
        currentUser.unitCode().ifPresent(code -> add(new Paragraph(getTranslation("home.unit",
                catalog.unit(code).map(UnitView::name).orElse(code)))));
        // the features' panels (the dashboard's figures and queues), each deciding by the user's roles
        panels.orderedStream().forEach(panel -> panel.create().ifPresent(this::add));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }
}
