package org.civitas.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.civitas.base.ui.Toasts;
import org.civitas.security.AccountService;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.SessionService;

/** 安全管理 (security administrator): everyone's sessions, lifting login waits, resetting a lost TOTP binding. */
@Route("admin/security")
@Menu(order = 96, title = "account.menu.security", icon = "vaadin:shield")
@RolesAllowed(AppRoles.SECURITY_ADMIN)
public class SecurityAdminView extends VerticalLayout implements HasDynamicTitle {

    final SessionGrid grid;
    final TextField username = new TextField();

    public SecurityAdminView(SessionService sessions, AccountService account) {
        setSizeFull();
        username.setLabel(getTranslation("account.admin.username"));
        Button unlock = new Button(getTranslation("account.admin.unlock"), e -> Toasts.attempt(() -> {
            account.unlock(username.getValue().trim());
            return Boolean.TRUE;
        }, getTranslation("account.admin.unlocked")));
        unlock.setId("secadmin-unlock");
        Button resetTotp = new Button(getTranslation("account.admin.resetTotp"), e -> Toasts.attempt(() -> {
            account.resetTotp(username.getValue().trim());
            return Boolean.TRUE;
        }, getTranslation("account.admin.totpReset")));
        resetTotp.setId("secadmin-reset-totp");
        HorizontalLayout actions = new HorizontalLayout(username, unlock, resetTotp);
        actions.setAlignItems(Alignment.BASELINE);
        grid = new SessionGrid(true, sessions::all, r -> sessions.endAny(r.key(), SessionGrid.currentSessionId()));
        grid.setId("all-sessions");
        add(actions, new H3(getTranslation("account.admin.sessions")), grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.menu.security");
    }
}
