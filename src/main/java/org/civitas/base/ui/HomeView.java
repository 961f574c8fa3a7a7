package org.civitas.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.civitas.security.AppRoles;
import org.civitas.security.CurrentUser;

/** 工作台: the landing page of every role. The role dashboards fill it in (issue 4). */
@Route("")
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser, CatalogService catalog) {
        add(new H2(getTranslation("home.welcome", currentUser.displayName())));
        String roles = AppRoles.ALL.stream().filter(currentUser::hasRole)
                .map(r -> getTranslation("role." + r)).collect(Collectors.joining(getTranslation("list.separator")));
        add(new Paragraph(getTranslation("home.roles", roles)));
        currentUser.unitCode().ifPresent(code -> add(new Paragraph(getTranslation("home.unit",
                catalog.unit(code).map(UnitView::name).orElse(code)))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }
}
