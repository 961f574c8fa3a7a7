package org.civitas.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import java.util.Set;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class UsersViewTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void an_administrator_creates_a_district_clerk_in_the_dialog_and_it_is_audited() {
        login("admin");
        navigate("admin/users");
        UsersView view = _get(UsersView.class);
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(9);

        _click(_get(Button.class, spec -> spec.withId("user-new")));
        UserFormDialog dialog = _get(UserFormDialog.class);
        String name = "clerk.test" + System.nanoTime() % 100000;
        dialog.username.setValue(name);
        dialog.displayName.setValue("测试经办人");
        dialog.roles.setValue(Set.of(AppRoles.UNIT_CLERK));
        dialog.unit.setValue(dialog.unit.getListDataView().getItems()
                .filter(u -> u.code().equals("D07")).findFirst().orElseThrow());
        dialog.password.setValue("Clerk-Test-2026");
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        assertThat(jdbc.queryForObject("select unit_code from app_user where username = ?", String.class, name))
                .isEqualTo("D07");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'USER_CREATED' and actor = "
                + "'admin' and after_data like ?", Integer.class, "%" + name + "%")).isEqualTo(1);
        // the list shows the unit by name
        view.grid.getDataProvider().refreshAll();
        int row = java.util.stream.IntStream.range(0, GridKt._size(view.grid))
                .filter(i -> GridKt._get(view.grid, i).username().equals(name)).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("洪山区").doesNotContain("D07");
    }

    @Test
    void a_weak_password_in_the_dialog_is_refused_and_nothing_is_stored() {
        login("admin");
        navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("user-new")));
        UserFormDialog dialog = _get(UserFormDialog.class);
        String name = "weak.test" + System.nanoTime() % 100000;
        dialog.username.setValue(name);
        dialog.displayName.setValue("Weak");
        dialog.roles.setValue(Set.of(AppRoles.OPERATOR));
        dialog.password.setValue("weak");
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, name))
                .isZero();
    }
}
