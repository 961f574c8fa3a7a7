package org.civitas.security.ui;

import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitFilter;
import org.civitas.base.ui.Toasts;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.UserRow;
import org.civitas.security.UserService;
import org.springframework.data.domain.PageRequest;

@Route("admin/users")
@Menu(order = 94, title = "menu.users", icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final CatalogService catalog;
    final Grid<UserRow> grid = new Grid<>();
    final TextField search = new TextField();
    /** Units by name in the list: a clerk's unit reads 武昌区, not D05. */
    private final java.util.Map<String, String> unitNames = new java.util.HashMap<>();

    public UsersView(UserService users, CatalogService catalog) {
        this.users = users;
        this.catalog = catalog;
        catalog.units(UnitFilter.all(), PageRequest.of(0, 2000))
                .forEach(u -> unitNames.put(u.code(), u.name()));
        setSizeFull();
        search.setPlaceholder(getTranslation("user.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button add = new Button(getTranslation("action.new"), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("user-new");
        add(new HorizontalLayout(search, add), grid);

        grid.addColumn(UserRow::username).setHeader(getTranslation("user.username")).setAutoWidth(true);
        grid.addColumn(UserRow::displayName).setHeader(getTranslation("user.displayName")).setAutoWidth(true);
        ValueProvider<UserRow, String> roles = u -> u.roles().stream().map(r -> getTranslation("role." + r))
                .collect(Collectors.joining(" / "));
        grid.addColumn(roles).setTooltipGenerator(roles::apply).setHeader(getTranslation("user.roles")).setFlexGrow(1);
        ValueProvider<UserRow, String> unit = u -> u.unitCode() == null ? ""
                : unitNames.getOrDefault(u.unitCode(), u.unitCode());
        grid.addColumn(unit).setTooltipGenerator(unit::apply).setHeader(getTranslation("user.unit"));
        grid.addComponentColumn(this::state).setHeader(getTranslation("user.state"));
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> users.search(search.getValue(), null, VaadinSpringDataHelpers.toSpringPageRequest(q))
                .stream());
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        expand(grid);
    }

    private Span state(UserRow u) {
        String key = !u.enabled() ? "user.state.disabled" : "user.state.active";
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(!u.enabled() ? "badge error" : "badge success");
        return badge;
    }

    private HorizontalLayout actions(UserRow u) {
        Button edit = new Button(getTranslation("action.edit"), e -> open(u));
        Button unlock = new Button(getTranslation("user.unlock"), e -> run(() -> users.unlock(u.id()), "user.unlocked"));
        Button reset = new Button(getTranslation("user.resetPassword"), e -> resetPassword(u));
        for (Button b : new Button[] {edit, unlock, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, unlock, reset);
    }

    private void open(UserRow existing) {
        UserFormDialog dialog = new UserFormDialog(existing,
                catalog.units(UnitFilter.all(), PageRequest.of(0, 2000)).getContent());
        dialog.addSaveListener(e -> {
            boolean saved = run(() -> {
                if (existing == null) {
                    users.create(e.form());
                } else {
                    users.update(existing.id(), existing.version(), e.form());
                }
            }, "user.saved");
            if (saved) {
                dialog.close();
            }
        });
        dialog.open();
    }

    private void resetPassword(UserRow u) {
        PasswordField password = new PasswordField(getTranslation("user.newPassword"));
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("user.resetPassword") + " · " + u.username());
        confirm.add(password);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.save"));
        confirm.addConfirmListener(e -> run(() -> users.resetPassword(u.id(), password.getValue()), "user.passwordReset"));
        confirm.open();
    }

    private boolean run(Runnable action, String successKey) {
        boolean done = Toasts.attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }, getTranslation(successKey)).isPresent();
        if (done) {
            grid.getDataProvider().refreshAll();
        }
        return done;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.users");
    }
}
