package org.civitas.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civitas.audit.AuditEvent;
import org.civitas.audit.AuditExcel;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

class AuditLogViewTest extends KaribuTest {

    static final int ACTION = 2;
    static final int DETAIL = 4;

    @Test
    void the_auditor_verifies_the_chain_from_the_log_and_is_told_it_is_intact() {
        login("auditor");
        navigate("audit");
        _click(_get(Button.class, spec -> spec.withId("audit-verify")));
        assertThat(getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(t -> t != null && t.startsWith("审计链完整"));
    }

    @Test
    void actions_and_failure_reasons_show_in_chinese_and_the_actions_are_picked_from_a_list_of_labels() {
        String who = unique("ghost");
        context.publishEvent(AuditEvent.of(who, "LOGIN_FAILED", "BadCredentialsException"));
        login("auditor");
        navigate("audit");
        AuditLogView view = _get(AuditLogView.class);

        view.actor.setValue(who);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(view.grid, 0);
        assertThat(row.get(ACTION)).isEqualTo("登录失败");
        assertThat(row.get(DETAIL)).isEqualTo("用户名或密码错误");
        assertThat(view.actions.getItemLabelGenerator().apply("LOGIN_THROTTLED")).isEqualTo("登录受限（需等待）");
        assertThat(view.actions.getItemLabelGenerator().apply("USER_UNLOCKED")).isEqualTo("解除登录限制");
    }

    @Test
    void the_filter_by_action_keeps_only_the_chosen_actions() {
        String who = unique("clerk");
        context.publishEvent(AuditEvent.of(who, "LOGIN_FAILED", "BadCredentialsException"));
        context.publishEvent(AuditEvent.of(who, "LOGIN_SUCCEEDED", null));
        context.publishEvent(AuditEvent.of(who, "LOGOUT", null));
        login("auditor");
        navigate("audit");
        AuditLogView view = _get(AuditLogView.class);
        view.actor.setValue(who);
        assertThat(GridKt._size(view.grid)).isEqualTo(3);

        view.actions.setValue(Set.of("LOGIN_SUCCEEDED", "LOGOUT"));

        assertThat(actionsShown(view)).containsExactly("退出登录", "登录成功");
    }

    @Test
    void a_change_shows_as_a_list_of_fields_with_before_and_after_in_the_rows_dialog() {
        String who = unique("admin");
        String id = String.valueOf(System.nanoTime());
        context.publishEvent(AuditEvent.change(who, "USER_UPDATED", "app_user", id,
                "{\"displayName\":\"张三\",\"enabled\":true,\"roles\":[\"OPERATOR\"],\"version\":1}",
                "{\"displayName\":\"李四\",\"enabled\":false,\"roles\":[\"OPERATOR\"],\"version\":2}"));
        login("auditor");
        navigate("audit");
        AuditLogView view = _get(AuditLogView.class);
        view.targetType.setValue("app_user");
        view.targetId.setValue(id);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(view.grid, 0);
        assertThat(row.get(ACTION)).isEqualTo("修改用户");
        assertThat(row.get(3)).isEqualTo("用户 " + id);
        assertThat(row.get(DETAIL)).contains("姓名：张三 → 李四").doesNotContain("{");

        GridKt._clickItem(view.grid, 0);

        AuditEntryDialog dialog = _get(AuditEntryDialog.class);
        assertThat(dialog.changes.getChildren().map(c -> ((ListItem) c).getText()))
                .containsExactly("姓名：张三 → 李四", "启用：是 → 否", "版本号：1 → 2");
    }

    @Test
    void the_export_holds_the_filtered_rows_in_chinese_and_is_itself_in_the_log() throws Exception {
        String who = unique("ghost");
        context.publishEvent(AuditEvent.of(who, "LOGIN_FAILED", "BadCredentialsException"));
        context.publishEvent(AuditEvent.of(who, "LOGIN_FAILED", "BadCredentialsException"));
        context.publishEvent(AuditEvent.of(who, "LOGIN_SUCCEEDED", null));
        login("auditor");
        navigate("audit");
        AuditLogView view = _get(AuditLogView.class);
        view.actor.setValue(who);
        view.actions.setValue(Set.of("LOGIN_FAILED"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AuditExcel excel = view.export(TranslationProvider.CHINESE)) {
            excel.writeTo(out);
        }

        XSSFSheet sheet = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())).getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo("审计日志");
        Row header = sheet.getRow(0);
        List<String> headings = new ArrayList<>();
        header.forEach(c -> headings.add(c.getStringCellValue()));
        assertThat(headings).containsExactly("日志编号", "时间", "操作人", "登录名", "操作", "操作代码", "对象类型",
                "对象编号", "说明", "变更内容", "IP 地址");
        assertThat(sheet.getLastRowNum()).isEqualTo(2);
        for (int r = 1; r <= 2; r++) {
            Row row = sheet.getRow(r);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(who);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("登录失败");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("LOGIN_FAILED");
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("用户名或密码错误");
        }

        // the export is in the log: the auditor finds it by its own filter
        view.actor.setValue("auditor");
        view.actions.setValue(Set.of("AUDIT_LOG_EXPORTED"));
        List<String> newest = GridKt._getFormattedRow(view.grid, 0);
        assertThat(newest.get(ACTION)).isEqualTo("导出审计日志");
        assertThat(newest.get(3)).isEqualTo("审计日志");
        assertThat(newest.get(DETAIL)).startsWith("共 2 条").contains(who).contains("登录失败");
    }

    private static List<String> actionsShown(AuditLogView view) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            shown.add(GridKt._getFormattedRow(view.grid, i).get(ACTION));
        }
        return shown;
    }

    private static String unique(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime(), 36);
    }
}
