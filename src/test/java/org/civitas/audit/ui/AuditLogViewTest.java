package org.civitas.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

class AuditLogViewTest extends KaribuTest {

    @Test
    void the_auditor_verifies_the_chain_from_the_log_and_is_told_it_is_intact() {
        login("auditor");
        navigate("audit");
        _click(_get(Button.class, spec -> spec.withId("audit-verify")));
        assertThat(getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(t -> t != null && t.startsWith("审计链完整"));
    }
}
