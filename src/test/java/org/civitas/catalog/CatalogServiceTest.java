package org.civitas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.calendar.LimitUnit;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Item edits, list versions and units. Every test that changes the list works on a version of its own, dated far in
 * the future, so the list in force today (v1) stays as the reference data made it.
 */
@IntegrationTest
@WithMockUser(username = "admin", roles = AppRoles.ADMIN)
class CatalogServiceTest {

    static final LocalDate FAR_FUTURE = LocalDate.of(2090, 1, 1);

    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @Test
    void an_admin_edit_of_an_item_writes_one_audit_row_with_before_and_after() {
        ItemView item = catalog.item(ownVersion().id(), "SR-01").orElseThrow();
        long lastAudit = lastAuditId();
        ItemForm form = new ItemForm(item.name(), "新的描述：垃圾积存超过两小时", item.urgency(), 3, LimitUnit.WORKING_DAYS,
                item.responsibility(), null, item.legalBasis());

        ItemView after = catalog.updateItem(item.id(), item.version(), form);

        assertThat(after.timeLimit()).isEqualTo(3);
        assertThat(after.timeUnit()).isEqualTo(LimitUnit.WORKING_DAYS);
        assertThat(after.version()).isGreaterThan(item.version());
        List<Map<String, Object>> rows = audit("LIST_ITEM_UPDATED", item.id(), lastAudit);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("actor")).isEqualTo("admin");
        assertThat(rows.get(0).get("target_type")).isEqualTo("list_item");
        assertThat((String) rows.get(0).get("before_data")).contains(item.description()).contains("WORKING_HOURS")
                .doesNotContain("新的描述");
        assertThat((String) rows.get(0).get("after_data")).contains("新的描述").contains("WORKING_DAYS");
    }

    @Test
    void invalid_edits_are_refused_with_their_reason_and_change_nothing() {
        long versionId = ownVersion().id();
        ItemView territorial = catalog.item(versionId, "SR-01").orElseThrow();
        ItemView department = catalog.itemsOfVersion(versionId).stream()
                .filter(i -> i.responsibility() == Responsibility.DEPARTMENT).findFirst().orElseThrow();
        long lastAudit = lastAuditId();

        assertRefused(territorial, withLimit(territorial.toForm(), 0), "item.error.limit");
        assertRefused(territorial, withLimit(territorial.toForm(), null), "item.error.limit");
        assertRefused(territorial, withLead(territorial.toForm(), Responsibility.TERRITORIAL, department.leadUnitCode()),
                "item.error.territorialHasLead");
        assertRefused(department, withLead(department.toForm(), Responsibility.DEPARTMENT, null),
                "item.error.leadUnitRequired");
        assertRefused(department, withLead(department.toForm(), Responsibility.JOINT, "NOPE"),
                "item.error.leadUnitUnknown");
        assertRefused(department, withLead(department.toForm(), Responsibility.DEPARTMENT, "D01"),
                "item.error.leadUnitKind");
        assertRefused(territorial, withLead(territorial.toForm(), Responsibility.JOINT, "D01"),
                "item.error.leadUnitKind");

        assertThat(catalog.item(versionId, territorial.code())).contains(territorial);
        assertThat(catalog.item(versionId, department.code())).contains(department);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where id > ? and action = 'LIST_ITEM_UPDATED'",
                Integer.class, lastAudit)).isZero();
    }

    @Test
    void a_joint_item_may_be_led_by_an_enterprise() {
        long versionId = ownVersion().id();
        ItemView item = catalog.item(versionId, "SR-02").orElseThrow();
        String enterprise = catalog.leadUnits().stream().filter(u -> u.kind() == UnitKind.ENTERPRISE)
                .findFirst().orElseThrow().code();

        ItemView after = catalog.updateItem(item.id(), item.version(),
                withLead(item.toForm(), Responsibility.JOINT, enterprise));

        assertThat(after.responsibility()).isEqualTo(Responsibility.JOINT);
        assertThat(after.leadUnitCode()).isEqualTo(enterprise);
        assertThat(after.leadUnitName()).isNotBlank();
    }

    @Test
    void a_stale_edit_is_refused() {
        ItemView item = catalog.item(ownVersion().id(), "SR-03").orElseThrow();
        catalog.updateItem(item.id(), item.version(), withLimit(item.toForm(), 5));

        assertThatThrownBy(() -> catalog.updateItem(item.id(), item.version(), withLimit(item.toForm(), 6)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("error.concurrentChange"));
        assertThat(catalog.item(item.versionId(), item.code()).orElseThrow().timeLimit()).isEqualTo(5);
    }

    @Test
    void only_an_administrator_changes_the_list_and_the_units() {
        ItemView item = catalog.item(catalog.currentVersion(LocalDate.now(clock)).id(), "SR-01").orElseThrow();
        for (String role : AppRoles.ALL) {
            if (role.equals(AppRoles.ADMIN)) {
                continue;
            }
            assertThatThrownBy(() -> RunAs.user("someone", () -> catalog.updateItem(item.id(), item.version(),
                    item.toForm()), role)).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> catalog.startNewVersion("x", FAR_FUTURE), role))
                    .as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> catalog.createUnit(
                    new UnitForm("X1", "X", UnitKind.DEPARTMENT, null, null)), role))
                    .as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> catalog.deactivate("D01", 0), role))
                    .as(role).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void every_role_and_the_anonymous_public_read_the_list_and_the_units_but_only_an_admin_changes_them() {
        for (String role : AppRoles.ALL) {
            RunAs.user("someone", () -> {
                long current = catalog.currentVersion(LocalDate.now(clock)).id();
                assertThat(catalog.itemsOfVersion(current)).as(role).hasSize(100);
                assertThat(catalog.item(current, "SR-01")).as(role).isPresent();
                assertThat(catalog.streetsOf("D01")).as(role).isNotEmpty();
            }, role);
        }
        SecurityContext signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            assertThat(catalog.categories()).hasSize(13);
            assertThat(catalog.streetsOf("D05")).isNotEmpty();
            assertThatThrownBy(() -> catalog.startNewVersion("2027", LocalDate.of(2027, 1, 1)))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    @Test
    void a_new_version_copies_every_item_of_the_newest_one() {
        VersionView source = catalog.versions().get(0);
        VersionView created = ownVersion();

        List<ItemView> copied = catalog.itemsOfVersion(created.id());
        List<ItemView> original = catalog.itemsOfVersion(source.id());
        assertThat(copied).hasSize(100);
        assertThat(copied).extracting(ItemView::versionId).containsOnly(created.id());
        assertThat(copied).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "versionId", "version")
                .containsExactlyElementsOf(original);
        assertThat(created.status()).isEqualTo(VersionView.Status.UPCOMING);
        assertThat(audit("LIST_VERSION_CREATED", created.id(), 0)).hasSize(1);
    }

    @Test
    void the_current_version_is_the_latest_in_force_on_the_day() {
        VersionView created = ownVersion();

        assertThat(catalog.currentVersion(created.effectiveFrom()).id()).isEqualTo(created.id());
        assertThat(catalog.currentVersion(created.effectiveFrom().minusDays(1)).id()).isNotEqualTo(created.id());
        VersionView v1 = catalog.currentVersion(LocalDate.of(2016, 6, 30));
        assertThat(v1.label()).isEqualTo("v1");
        assertThat(catalog.items(ItemFilter.ofVersion(v1.id()), PageRequest.of(0, 200)).getContent()).hasSize(100);
        assertThatThrownBy(() -> catalog.currentVersion(LocalDate.of(2015, 12, 31)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("list.error.noVersion"));
    }

    @Test
    void a_new_version_must_take_effect_after_the_newest_one() {
        List<VersionView> before = catalog.versions();
        LocalDate latest = before.get(0).effectiveFrom();
        for (LocalDate day : new LocalDate[] {latest, latest.minusDays(1), null}) {
            assertThatThrownBy(() -> catalog.startNewVersion("again", day)).as(String.valueOf(day))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.key()).isEqualTo("list.error.effectiveFrom"));
        }
        assertThatThrownBy(() -> catalog.startNewVersion(" ", FAR_FUTURE.plusYears(50)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("list.error.label"));
        assertThat(catalog.versions()).isEqualTo(before);
    }

    @Test
    void a_superseded_version_is_history_and_no_longer_edited() {
        VersionView older = ownVersion();
        VersionView newer = ownVersion();
        ItemView item = catalog.item(older.id(), "SR-04").orElseThrow();
        try {
            clock.set(newer.effectiveFrom().atTime(9, 0));
            assertThat(catalog.versions()).filteredOn(v -> v.id() == older.id())
                    .extracting(VersionView::status).containsExactly(VersionView.Status.SUPERSEDED);
            assertThatThrownBy(() -> catalog.updateItem(item.id(), item.version(), withLimit(item.toForm(), 9)))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.key()).isEqualTo("item.error.versionSuperseded"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void the_item_filter_matches_category_urgency_responsibility_and_text() {
        long versionId = catalog.currentVersion(LocalDate.now(clock)).id();
        var emergency = catalog.items(new ItemFilter(versionId, null, Urgency.EMERGENCY, null, null),
                PageRequest.of(0, 200)).getContent();
        assertThat(emergency).isNotEmpty().allSatisfy(i -> assertThat(i.urgency()).isEqualTo(Urgency.EMERGENCY));
        var sr = catalog.items(new ItemFilter(versionId, "SR", null, Responsibility.TERRITORIAL, null),
                PageRequest.of(0, 200)).getContent();
        assertThat(sr).isNotEmpty().allSatisfy(i -> {
            assertThat(i.categoryCode()).isEqualTo("SR");
            assertThat(i.responsibility()).isEqualTo(Responsibility.TERRITORIAL);
        });
        assertThat(catalog.items(new ItemFilter(versionId, null, null, null, "暴露垃圾"), PageRequest.of(0, 10))
                .getContent()).extracting(ItemView::code).contains("SR-01");
        var firstPage = catalog.items(ItemFilter.ofVersion(versionId), PageRequest.of(0, 30));
        assertThat(firstPage.getContent()).hasSize(30);
        assertThat(firstPage.hasNext()).isTrue();
    }

    // --- units -------------------------------------------------------------------------------------------------

    @Test
    void a_street_lies_in_a_district_and_a_department_gets_its_own_peer_group() {
        UnitView street = catalog.createUnit(new UnitForm(code(), "测试街道", UnitKind.STREET, null, "D01"));
        assertThat(street.parentCode()).isEqualTo("D01");
        assertThat(street.peerGroup()).isNull();
        assertThat(catalog.streetsOf("D01")).extracting(UnitView::code).contains(street.code());

        UnitView department = catalog.createUnit(new UnitForm(code(), "测试局", UnitKind.DEPARTMENT, null, null));
        assertThat(department.peerGroup()).isEqualTo(PeerGroup.DEPARTMENT);
        assertThat(audit("UNIT_CREATED", department.code(), 0)).hasSize(1);
    }

    @Test
    void misplaced_units_are_refused() {
        String department = catalog.leadUnits().get(0).code();
        assertUnitRefused(new UnitForm(code(), "无区街道", UnitKind.STREET, null, null), "unit.error.streetNeedsDistrict");
        assertUnitRefused(new UnitForm(code(), "挂部门街道", UnitKind.STREET, null, department),
                "unit.error.streetNeedsDistrict");
        assertUnitRefused(new UnitForm(code(), "无组区", UnitKind.DISTRICT, null, null), "unit.error.districtPeerGroup");
        assertUnitRefused(new UnitForm(code(), "错组区", UnitKind.DISTRICT, PeerGroup.DEPARTMENT, null),
                "unit.error.districtPeerGroup");
        assertUnitRefused(new UnitForm(code(), "有上级的局", UnitKind.DEPARTMENT, null, "D01"), "unit.error.noParent");
        assertUnitRefused(() -> catalog.createUnit(new UnitForm("D01", "重复", UnitKind.DEPARTMENT, null, null)),
                "unit.error.duplicate");
        assertUnitRefused(new UnitForm("x", "短代码", UnitKind.DEPARTMENT, null, null), "unit.error.code");
    }

    @Test
    void a_unit_edit_is_audited_and_its_kind_stays() {
        UnitView district = catalog.createUnit(new UnitForm(code(), "测试区", UnitKind.DISTRICT, PeerGroup.NEW_URBAN,
                null));
        UnitView renamed = catalog.updateUnit(district.code(), district.version(), new UnitForm(district.code(),
                "改名区", UnitKind.DISTRICT, PeerGroup.FUNCTIONAL_ZONE, null));

        assertThat(renamed.name()).isEqualTo("改名区");
        assertThat(renamed.peerGroup()).isEqualTo(PeerGroup.FUNCTIONAL_ZONE);
        var rows = audit("UNIT_UPDATED", district.code(), 0);
        assertThat(rows).hasSize(1);
        assertThat((String) rows.get(0).get("before_data")).contains("测试区").contains("NEW_URBAN");
        assertThat((String) rows.get(0).get("after_data")).contains("改名区").contains("FUNCTIONAL_ZONE");
        assertUnitRefused(() -> catalog.updateUnit(district.code(), renamed.version(), new UnitForm(district.code(),
                "改名区", UnitKind.DEPARTMENT, null, null)), "unit.error.kindFixed");
        assertUnitRefused(() -> catalog.updateUnit(district.code(), district.version(), new UnitForm(district.code(),
                "再改", UnitKind.DISTRICT, PeerGroup.CENTRAL, null)), "error.concurrentChange");
    }

    /** The whole lists are one shared copy per node, and an edit here is in the next read of them at once. */
    @Test
    void the_whole_lists_are_shared_and_an_edit_shows_in_them_at_once() {
        long version = catalog.currentVersion(LocalDate.now(clock)).id();
        var all = org.springframework.data.domain.PageRequest.of(0, 5000);
        List<ItemView> items = catalog.itemsOfVersion(version);
        assertThat(catalog.itemsOfVersion(version)).isSameAs(items);
        assertThat(catalog.categories()).isSameAs(catalog.categories());
        var units = catalog.units(UnitFilter.all(), all);
        assertThat(catalog.units(UnitFilter.all(), all)).isSameAs(units);

        UnitView district = catalog.createUnit(new UnitForm(code(), "共享区", UnitKind.DISTRICT, PeerGroup.NEW_URBAN,
                null));
        assertThat(catalog.units(UnitFilter.all(), all).getContent()).extracting(UnitView::code)
                .contains(district.code());
        ItemView item = items.get(0);
        ItemView edited = catalog.updateItem(item.id(), item.version(), withLimit(item.toForm(), item.timeLimit() + 1));
        assertThat(catalog.itemsOfVersion(version)).isNotSameAs(items).contains(edited);
        catalog.updateItem(edited.id(), edited.version(), withLimit(edited.toForm(), item.timeLimit()));
    }

    @Test
    void a_unit_is_deactivated_not_deleted_once_nothing_depends_on_it() {
        UnitView district = catalog.createUnit(new UnitForm(code(), "停用区", UnitKind.DISTRICT, PeerGroup.CENTRAL,
                null));
        UnitView street = catalog.createUnit(new UnitForm(code(), "停用街道", UnitKind.STREET, null, district.code()));

        assertUnitRefused(() -> catalog.deactivate(district.code(), district.version()), "unit.error.hasActiveStreets");
        UnitView inactiveStreet = catalog.deactivate(street.code(), street.version());
        assertThat(inactiveStreet.active()).isFalse();
        UnitView inactiveDistrict = catalog.deactivate(district.code(), district.version());
        assertThat(inactiveDistrict.active()).isFalse();
        assertThat(catalog.unit(district.code())).isPresent();
        assertThat(audit("UNIT_DEACTIVATED", district.code(), 0)).hasSize(1);

        assertUnitRefused(() -> catalog.reactivate(street.code(), inactiveStreet.version()),
                "unit.error.parentInactive");
        assertUnitRefused(() -> catalog.createUnit(new UnitForm(code(), "新街道", UnitKind.STREET, null,
                district.code())), "unit.error.parentInactive");
        assertThat(catalog.reactivate(district.code(), inactiveDistrict.version()).active()).isTrue();
    }

    @Test
    void a_unit_that_leads_items_in_force_cannot_be_deactivated() {
        long current = catalog.currentVersion(LocalDate.now(clock)).id();
        String lead = catalog.itemsOfVersion(current).stream().filter(i -> i.leadUnitCode() != null)
                .findFirst().orElseThrow().leadUnitCode();
        UnitView unit = catalog.unit(lead).orElseThrow();

        assertUnitRefused(() -> catalog.deactivate(lead, unit.version()), "unit.error.leadsItems");
        assertThat(catalog.unit(lead).orElseThrow().active()).isTrue();
    }

    @Test
    void the_unit_filter_matches_kind_peer_group_parent_and_text() {
        var central = catalog.units(new UnitFilter(UnitKind.DISTRICT, PeerGroup.CENTRAL, null, null),
                PageRequest.of(0, 100)).getContent();
        assertThat(central).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(u -> assertThat(u.peerGroup()).isEqualTo(PeerGroup.CENTRAL));
        assertThat(catalog.units(new UnitFilter(null, null, "D01", null), PageRequest.of(0, 100)).getContent())
                .isNotEmpty().allSatisfy(u -> assertThat(u.parentCode()).isEqualTo("D01"));
        assertThat(catalog.units(new UnitFilter(null, null, null, "江岸"), PageRequest.of(0, 100)).getContent())
                .extracting(UnitView::code).contains("D01");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A version of this test's own, after every other one and far from today, so it never becomes current. */
    private VersionView ownVersion() {
        LocalDate latest = catalog.versions().get(0).effectiveFrom();
        LocalDate date = latest.isBefore(FAR_FUTURE) ? FAR_FUTURE : latest.plusDays(1);
        return catalog.startNewVersion("test " + date, date);
    }

    private void assertRefused(ItemView item, ItemForm form, String key) {
        assertThatThrownBy(() -> catalog.updateItem(item.id(), item.version(), form)).as(key)
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo(key));
    }

    private void assertUnitRefused(UnitForm form, String key) {
        assertUnitRefused(() -> catalog.createUnit(form), key);
        assertThat(catalog.unit(form.code())).as(key).isEmpty();
    }

    private static void assertUnitRefused(Supplier<UnitView> action, String key) {
        assertThatThrownBy(action::get).as(key)
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo(key));
    }

    private static ItemForm withLimit(ItemForm f, Integer limit) {
        return new ItemForm(f.name(), f.description(), f.urgency(), limit, f.timeUnit(), f.responsibility(),
                f.leadUnitCode(), f.legalBasis());
    }

    private static ItemForm withLead(ItemForm f, Responsibility responsibility, String lead) {
        return new ItemForm(f.name(), f.description(), f.urgency(), f.timeLimit(), f.timeUnit(), responsibility, lead,
                f.legalBasis());
    }

    private long lastAuditId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
    }

    private List<Map<String, Object>> audit(String action, Object targetId, long afterId) {
        return jdbc.queryForList("select * from audit_log where action = ? and target_id = ? and id > ?", action,
                String.valueOf(targetId), afterId);
    }

    private static String code() {
        return "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
