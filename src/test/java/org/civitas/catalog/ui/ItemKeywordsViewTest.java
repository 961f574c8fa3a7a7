package org.civitas.catalog.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.util.Map;
import org.civitas.catalog.ItemView;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Supervisors keep each item's 别名/关键词 in the negative-list view; the rest of the list stays the administrator's. */
class ItemKeywordsViewTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    String restore;
    long itemId;

    @AfterEach
    void restoreKeywords() {
        if (itemId != 0) {
            jdbc.update("update list_item set keywords = ? where id = ?", restore, itemId);
        }
    }

    @Test
    void a_supervisor_edits_an_items_keywords_and_the_change_is_audited() {
        login("supervisor");
        navigate("admin/negative-list");
        NegativeListView view = _get(NegativeListView.class);
        _assertNone(Button.class, spec -> spec.withId("version-new"));
        ItemView item = _get(view.grid, 0);
        itemId = item.id();
        restore = jdbc.queryForObject("select keywords from list_item where id = ?", String.class, itemId);
        long lastAudit = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);

        view.openKeywords(item);
        KeywordsDialog dialog = _get(KeywordsDialog.class);
        _setValue(dialog.keywords, "垃圾堆、 垃圾没人收，垃圾堆,,臭气");
        _click(dialog.save);

        assertThat(jdbc.queryForObject("select keywords from list_item where id = ?", String.class, itemId))
                .isEqualTo("垃圾堆,垃圾没人收,臭气");
        Map<String, Object> audit = jdbc.queryForMap("select actor, target_id, after_data from audit_log "
                + "where id > ? and action = 'LIST_ITEM_KEYWORDS_UPDATED'", lastAudit);
        assertThat(audit.get("actor")).isEqualTo("supervisor");
        assertThat(audit.get("target_id")).isEqualTo(String.valueOf(itemId));
        assertThat(audit.get("after_data").toString()).contains("垃圾没人收");
    }
}
