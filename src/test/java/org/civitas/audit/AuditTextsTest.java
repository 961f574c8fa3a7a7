package org.civitas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civitas.base.i18n.TranslationProvider;
import org.junit.jupiter.api.Test;

/** The audit log's codes, details and snapshots in words, with the real translations. */
class AuditTextsTest {

    static final TranslationProvider I18N = new TranslationProvider();
    final AuditTexts zh = new AuditTexts(k -> I18N.getTranslation(k, TranslationProvider.CHINESE));
    final AuditTexts en = new AuditTexts(k -> I18N.getTranslation(k, TranslationProvider.ENGLISH));

    @Test
    void every_action_and_object_type_the_code_publishes_has_a_label_in_both_languages() {
        for (String a : AuditTexts.ACTIONS) {
            assertThat(zh.action(a)).as(a).isNotEqualTo(a).matches(".*\\p{IsHan}.*");
            assertThat(en.action(a)).as(a).isNotEqualTo(a);
        }
        for (String t : AuditTexts.TYPES) {
            assertThat(zh.targetType(t)).as(t).isNotEqualTo(t).matches(".*\\p{IsHan}.*");
            assertThat(en.targetType(t)).as(t).isNotEqualTo(t);
        }
        assertThat(zh.action("LOGIN_FAILED")).isEqualTo("登录失败");
        assertThat(zh.targetType("case_file")).isEqualTo("工单");
    }

    @Test
    void an_unknown_code_shows_as_itself() {
        assertThat(zh.action("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(zh.targetType("thing")).isEqualTo("thing");
        assertThat(zh.detail("free text the user typed")).isEqualTo("free text the user typed");
        assertThat(zh.detail("NoSuchThingException")).isEqualTo("NoSuchThingException");
    }

    @Test
    void failure_reasons_and_the_codes_own_details_read_as_phrases() {
        assertThat(zh.detail("BadCredentialsException")).isEqualTo("用户名或密码错误");
        assertThat(zh.detail("1886 rows {\"statuses\":[]}")).isEqualTo("共 1886 条");
        assertThat(zh.detail("10.0.0.7, wait 1500 ms")).isEqualTo("来自 10.0.0.7，需等待 2 秒");
        assertThat(zh.detail("account, 5 failures")).isEqualTo("该账号连续登录失败 5 次");
        assertThat(zh.detail("pause 2, 30 min")).isEqualTo("第 2 次暂停查询，30 分钟");
        assertThat(en.detail("BadCredentialsException")).isEqualTo("wrong user name or password");
    }

    @Test
    void a_json_change_is_listed_field_by_field_with_labels_and_value_labels() {
        List<AuditTexts.Change> changes = zh.changes(
                "{\"displayName\":\"张三\",\"enabled\":true,\"roles\":[\"OPERATOR\"],\"status\":\"DISPATCHED\"}",
                "{\"displayName\":\"张三\",\"enabled\":false,\"roles\":[\"OPERATOR\",\"SUPERVISOR\"],"
                        + "\"status\":\"IN_PROGRESS\"}");
        assertThat(changes).extracting(zh::line).containsExactly(
                "启用：是 → 否", "角色：受理员 → 受理员、督办员（市文明办）", "状态：已派单 → 办理中");
    }

    @Test
    void a_new_object_lists_its_fields_and_a_removed_one_what_it_was() {
        assertThat(zh.changes(null, "{\"code\":\"D05\",\"kind\":\"DISTRICT\",\"parentCode\":null}"))
                .extracting(zh::line).containsExactly("代码：D05", "类型：区");
        assertThat(zh.changes(null, "{\"statuses\":[],\"channel\":\"WECHAT\",\"keyword\":\"\",\"overdue\":false}"))
                .extracting(zh::line).containsExactly("渠道：微信", "仅超期：否");
        assertThat(zh.changes("{\"date\":\"2026-10-01\",\"kind\":\"HOLIDAY\"}", null))
                .extracting(zh::line).containsExactly("日期：2026-10-01 → （删除）", "类型：节假日 → （删除）");
    }

    @Test
    void a_records_text_and_a_bare_value_are_compared_too() {
        assertThat(zh.changes("RoundRow[id=3, title=春季检查, districtCodes=[D01, D05], places=null]",
                "NewRound[title=春季复查, districtCodes=[D01, D05], places=null]"))
                .extracting(zh::line).containsExactly("标题：春季检查 → 春季复查", "编号：3 → （删除）");
        assertThat(zh.changes("OPEN", "ANSWERED")).extracting(zh::line).containsExactly("内容：OPEN → ANSWERED");
    }

    @Test
    void a_records_place_types_and_yes_or_no_read_as_words() {
        assertThat(zh.changes(null, "NewFinding[itemCode=SR-01, placeType=BACK_STREET, districtCode=D05, "
                + "streetCode=null, address=积玉桥, note=null, openCase=false]"))
                .extracting(zh::line).contains("场所类型：背街小巷", "同时立案：否");
        assertThat(zh.changes(null, "NewRound[title=春季检查, placeTypes=[BACK_STREET]]"))
                .extracting(zh::line).contains("场所类型：背街小巷");
    }

    @Test
    void a_list_shows_what_was_added_and_removed() {
        assertThat(zh.changes("[{\"date\":\"2026-01-01\"},{\"date\":\"2026-02-17\"}]",
                "[{\"date\":\"2026-01-01\"},{\"date\":\"2026-02-18\"}]"))
                .extracting(zh::line).containsExactly("删除：日期：2026-02-17 → （删除）", "新增：日期：2026-02-18");
    }
}
