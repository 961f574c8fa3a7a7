package org.civitas.app.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Map;
import org.civitas.security.ui.LoginView;
import org.civitas.security.ui.UsersView;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each role sees exactly its menu, in Chinese; routes stay closed to roles that may not open them. */
class MenuByRoleTest extends KaribuTest {

    static final Map<String, List<String>> MENU = Map.of(
            "admin", List.of("工作台", "负面清单", "单位管理", "工作日历", "用户管理", "渠道接入", "智能分类模型"),
            "auditor", List.of("工作台", "审计日志"),
            "secadmin", List.of("工作台", "安全管理"),
            "operator", List.of("工作台", "受理登记", "诉求工单", "待分类"),
            "supervisor", List.of("工作台", "受理登记", "诉求工单", "待分类", "时限看板", "督办", "半月分析", "考核排名", "年度考核",
                    "实地检查", "整改通知", "负面清单", "评分规则", "智能分类模型"),
            "inspector", List.of("工作台", "诉求工单", "实地检查", "整改通知"),
            "leader", List.of("工作台", "诉求工单", "时限看板", "督办", "半月分析", "考核排名", "年度考核", "实地检查", "整改通知"),
            "clerk.jiangan", List.of("工作台", "诉求工单", "时限看板", "督办", "整改通知"),
            "clerk.wuchang", List.of("工作台", "诉求工单", "时限看板", "督办", "整改通知"),
            "clerk.chengguan", List.of("工作台", "诉求工单", "时限看板", "督办", "整改通知"));

    @ParameterizedTest
    @ValueSource(strings = {"admin", "auditor", "secadmin", "operator", "supervisor", "inspector", "leader", "clerk.jiangan",
            "clerk.wuchang", "clerk.chengguan"})
    void each_demo_user_sees_exactly_the_menu_of_their_role(String username) {
        login(username);
        navigate("");
        List<String> labels = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).isEqualTo(MENU.get(username));
    }

    @Test
    void a_unit_clerk_cannot_open_the_user_administration() {
        login("clerk.wuchang");
        navigate("admin/users");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(UsersView.class::isInstance);
    }

    @Test
    void an_administrator_opens_the_user_administration() {
        login("admin");
        navigate("admin/users");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .anyMatch(UsersView.class::isInstance);
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page_in_chinese() {
        navigate("admin/users");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .anyMatch(LoginView.class::isInstance);
        assertThat(UI.getCurrent().getLocale().toLanguageTag()).isEqualTo("zh-CN");
    }
}
