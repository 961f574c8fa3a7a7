package org.civitas.app.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/** An address with no page says so in Chinese and leads home, instead of Vaadin's English error page. */
class NotFoundViewTest extends KaribuTest {

    @Test
    void an_unknown_address_shows_a_chinese_page_with_the_way_home() {
        login("supervisor");
        NotFoundView view = new NotFoundView();
        UI.getCurrent().add(view);
        assertThat(view.setErrorParameter(null, null)).isEqualTo(404);
        assertThat(view.getElement().getTextRecursively()).contains("页面不存在", "返回首页")
                .doesNotContain("Could not navigate");
        assertThat(_get(RouterLink.class, spec -> spec.withId("not-found-home")).getHref()).isEmpty();
    }
}
