package org.civitas.cases.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.base.identity.AppRoles;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The inbox's keyword filter (DD031) finds cases by words of their description or address, with the other filters
 * and inside a clerk's unit. On the embedded MariaDB (no Mroonga) this is the {@code LIKE} path; run against a server
 * with the plugin, the same tests prove the full-text path. Each test registers its cases on a day of its own in 2036,
 * which no other test uses, and filters to that day.
 */
@IntegrationTest
class CaseKeywordSearchTest {

    @Autowired CaseService cases;
    @Autowired CaseQueries queries;
    @Autowired CaseSearchIndex search;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired TranslationProvider i18n;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_search_uses_the_full_text_table_exactly_where_mroonga_is_active() {
        boolean mroonga = jdbc.queryForObject(CaseSearchIndex.MROONGA_ACTIVE, Long.class) > 0;
        assertThat(search.fulltext()).isEqualTo(mroonga);
        assertThat(jdbc.queryForObject(CaseSearchIndex.TABLE_EXISTS, Long.class)).isEqualTo(mroonga ? 1L : 0L);
    }

    @Test
    void a_keyword_finds_cases_by_a_word_of_the_description_and_by_a_word_of_the_address() {
        LocalDate day = on(2036, 3, 4);
        long noise = register("D05", "S0501", "和平大道 88 号", "楼下烧烤店夜间噪音扰民");
        long stall = register("D05", "S0501", "紫阳路 3 号", "早市占道经营，行人无法通行");
        long garden = register("D01", "S0101", "幸福家园小区东门", "门口垃圾堆放");

        assertThat(ids("supervisor", receivedOn(day).withKeyword("噪音"))).containsExactly(noise);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("占道经营"))).containsExactly(stall);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("幸福家园"))).containsExactly(garden);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("  紫阳路　"))).as("stripped, full-width space too")
                .containsExactly(stall);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("占道 经营"))).as("words apart, both present")
                .containsExactly(stall);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("经营占道"))).as("a word is a phrase").isEmpty();
        assertThat(ids("supervisor", receivedOn(day).withKeyword("噪音 垃圾"))).as("every word must occur").isEmpty();
        assertThat(ids("supervisor", receivedOn(day).withKeyword(" "))).as("blank is any")
                .containsExactlyInAnyOrder(noise, stall, garden);
    }

    @Test
    void a_keyword_is_combined_with_the_other_filters() {
        LocalDate day = on(2036, 3, 5);
        long wuchang = register("D05", "S0501", "中山路 5 号", "施工噪音持续到深夜");
        register("D01", "S0101", "解放大道 1 号", "广场舞噪音");
        register("D05", "S0502", "中山路 7 号", "共享单车乱停放");

        CaseFilter noiseInWuchang = new CaseFilter(Set.of(), null, null, null, "D05", null, null, null, day, day,
                false, false, null, null, "噪音");
        assertThat(ids("supervisor", noiseInWuchang)).containsExactly(wuchang);
        CaseFilter openNoiseInWuchang = noiseInWuchang.withStatuses(EnumSet.of(CaseStatus.DISPATCHED));
        assertThat(ids("supervisor", openNoiseInWuchang)).as("the open-only plan").containsExactly(wuchang);
        assertThat(ids("supervisor", noiseInWuchang.withStatuses(EnumSet.of(CaseStatus.CLOSED)))).isEmpty();
        assertThat(ids("supervisor", receivedOn(day.plusDays(1)).withKeyword("噪音"))).as("another day").isEmpty();
    }

    @Test
    void percent_underscore_and_the_escape_character_in_a_keyword_match_only_themselves() {
        LocalDate day = on(2036, 3, 6);
        long percent = register("D05", "S0501", "民主路 2 号", "商铺门口挂横幅：全场50%折扣");
        long underscore = register("D05", "S0501", "民主路 4 号", "墙上喷涂小广告 shop_ad 联系");
        long bang = register("D05", "S0501", "民主路 6 号", "广告牌写着 清仓!!大甩卖");
        register("D05", "S0501", "民主路 8 号", "50元一份的早餐摊 shopXad 占道");

        assertThat(ids("supervisor", receivedOn(day).withKeyword("50%"))).containsExactly(percent);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("p_a"))).containsExactly(underscore);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("仓!!大"))).containsExactly(bang);
        assertThat(ids("supervisor", receivedOn(day).withKeyword("%%"))).isEmpty();
        assertThat(ids("supervisor", receivedOn(day).withKeyword("__"))).isEmpty();
    }

    @Test
    void a_keyword_of_one_character_is_refused_with_a_message_in_chinese() {
        CaseFilter oneCharacter = CaseFilter.any().withKeyword(" 噪 ");
        assertThatThrownBy(() -> ids("supervisor", oneCharacter))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.key()).isEqualTo("inbox.error.keyword");
                    assertThat(i18n.getTranslation(e.key(), TranslationProvider.CHINESE, e.args()))
                            .isEqualTo("关键词每个词至少 2 个字，总长不超过 50 个字。");
                });
        assertThatThrownBy(() -> ids("supervisor", CaseFilter.any().withKeyword("噪音 a")))
                .as("every word").isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ids("supervisor", CaseFilter.any().withKeyword("噪".repeat(51))))
                .as("too long").isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> RunAs.account(users, "supervisor", () -> cases.forEachInboxRow(oneCharacter,
                r -> { }))).as("the export too").isInstanceOf(RuleViolation.class);
        assertThat(CaseFilter.validKeyword("噪音")).isTrue();
        assertThat(CaseFilter.validKeyword("噪".repeat(50))).isTrue();
    }

    @Test
    void a_clerks_keyword_search_stays_inside_the_clerks_unit() {
        LocalDate day = on(2036, 3, 9);
        long wuchang = register("D05", "S0501", "武珞路 10 号", "餐馆油烟直排扰民");
        long jiangan = register("D01", "S0101", "胜利街 10 号", "餐馆油烟直排扰民");
        CaseFilter smoke = receivedOn(day).withKeyword("油烟直排");
        assertThat(ids("supervisor", smoke)).containsExactlyInAnyOrder(wuchang, jiangan);

        assertThat(ids("clerk.wuchang", smoke)).containsExactly(wuchang);
        assertThat(ids("clerk.jiangan", smoke)).containsExactly(jiangan);
        // the open-only plan (a union over the unit's own indexes) and the export keep the scope too
        assertThat(ids("clerk.wuchang", smoke.withStatuses(EnumSet.of(CaseStatus.DISPATCHED))))
                .containsExactly(wuchang);
        List<Long> exported = new ArrayList<>();
        RunAs.account(users, "clerk.wuchang", () -> cases.forEachInboxRow(smoke, r -> exported.add(r.id())));
        assertThat(exported).containsExactly(wuchang);
        // the query itself, for a unit's scope (also where no demo accounts exist)
        assertThat(queries.page(smoke, Optional.of("D01"), null, 0, 50, true, LocalDateTime.now(clock)))
                .extracting(CaseRow::id).containsExactly(jiangan);
    }

    @Test
    void the_export_holds_only_the_cases_with_the_keyword() {
        LocalDate day = on(2036, 3, 10);
        long light = register("D05", "S0501", "彭刘杨路 1 号", "路灯损坏，夜间漆黑");
        register("D05", "S0501", "彭刘杨路 3 号", "井盖缺失");
        List<Long> exported = new ArrayList<>();
        int n = RunAs.account(users, "supervisor", () -> cases.forEachInboxRow(receivedOn(day).withKeyword("路灯"),
                r -> exported.add(r.id())));
        assertThat(n).isEqualTo(1);
        assertThat(exported).containsExactly(light);
        assertThat(jdbc.queryForObject("select detail from audit_log where action = 'CASES_EXPORTED' "
                + "order by id desc limit 1", String.class)).contains("路灯");
    }

    private LocalDate on(int year, int month, int day) {
        LocalDate d = LocalDate.of(year, month, day);
        clock.set(d.atTime(9, 0));
        return d;
    }

    private List<Long> ids(String username, CaseFilter filter) {
        return RunAs.account(users, username, () -> cases.inbox(filter, null, 100)).stream().map(CaseRow::id)
                .toList();
    }

    private long register(String district, String street, String address, String description) {
        return RunAs.user("operator", () -> cases.register(aReport().item("SR-02").in(district, street)
                .address(address).description(description).build()), AppRoles.OPERATOR).id();
    }

    private static CaseFilter receivedOn(LocalDate day) {
        return new CaseFilter(Set.of(), null, null, null, null, null, null, null, day, day, false, false, null, null);
    }
}
