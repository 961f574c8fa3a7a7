package org.civitas.app.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.civitas.base.i18n.LanguageSwitch;
import org.civitas.notify.ui.NotificationBell;
import org.civitas.base.identity.CurrentUser;

/**
 * The back-office shell. The side navigation is built from {@code @Menu}; Vaadin leaves out the entries the user's
 * roles cannot open, so the menu and the route guards never disagree. Menu titles are translation keys.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, NotificationBell bell) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        Span subtitle = new Span(getTranslation("app.subtitle"));
        subtitle.addClassName("app-subtitle");
        VerticalLayout brand = new VerticalLayout(title, subtitle);
        brand.setPadding(true);
        brand.setSpacing(false);
        addToDrawer(brand, nav());

        Anchor user = new Anchor("account/sessions", currentUser.displayName()); // 我的账户: sessions, password, TOTP
        user.getElement().setAttribute("router-link", true);
        user.setId("current-user");
        user.addClassName("app-user");
        Button logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), new Span(), bell, user, new LanguageSwitch(),
                logout);
        bar.setWidthFull();
        bar.addClassName("app-navbar"); // the theme keeps it on one line at phone width
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(bar.getComponentAt(1));
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
    }

    private SideNav nav() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
