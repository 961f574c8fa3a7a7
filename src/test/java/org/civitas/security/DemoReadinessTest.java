package org.civitas.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.civitas.security.ui.LoginView;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/** While the demo data is being made the login page says so, and drops the notice by itself once it is there. */
class DemoReadinessTest extends KaribuTest {

    @Test
    void the_login_page_says_the_demo_data_is_being_prepared_until_it_is_ready() {
        DemoReadiness demo = new DemoReadiness(true);
        UI.getCurrent().add(new LoginView(demo));
        assertThat(notices()).singleElement().satisfies(s -> assertThat(s.getText()).contains("演示数据正在准备"));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(2000);

        poll();
        assertThat(notices()).hasSize(1);

        demo.ready();
        poll();
        assertThat(notices()).isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void without_demo_data_or_once_ready_there_is_no_notice() {
        UI.getCurrent().add(new LoginView(new DemoReadiness(false)));
        assertThat(notices()).isEmpty();
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static java.util.List<Span> notices() {
        return _find(Span.class, spec -> spec.withId("login-demo-preparing"));
    }
}
