package org.civitas.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.audit.AuditEvent;
import org.civitas.base.ReferenceCache;
import org.civitas.base.RuleViolation;
import org.civitas.base.Snapshots;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The negative list (categories, versions, items) and the units. Every signed-in role reads them (intake, dispatch,
 * reports); only the administrator changes them, and every change is audited with before and after.
 */
@Service
public class CatalogService {

    /** The negative list and units are public (docs/design.md §3): the public pages and the channels read them too. */
    static final String READ = "permitAll()";
    static final String ADMIN = "hasRole('" + AppRoles.ADMIN + "')";
    /** The words citizens use for an item are kept by the supervisors, who read the reports (DD050). */
    static final String KEYWORDS = "hasAnyRole('" + AppRoles.ADMIN + "', '" + AppRoles.SUPERVISOR + "')";
    static final int KEYWORDS_MAX = 500;

    private final CategoryRepository categories;
    private final ListVersionRepository versions;
    private final ListItemRepository items;
    private final UnitRepository units;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;
    /**
     * What every intake reads (docs/benchmarks.md, intake): the version in force, its items, the units. Cleared when
     * a change here commits; another node's change is seen within {@code civitas.cache.reference-ttl}.
     */
    private final ReferenceCache<List<LocalDate>, VersionView> versionOn;
    private final ReferenceCache<Map.Entry<Long, String>, Optional<ItemView>> itemOf;
    private final ReferenceCache<String, Optional<UnitView>> unitOf;
    /**
     * The whole lists every inbox, intake and case view loads for its pickers and names: one shared copy per node,
     * not one per open view (500 sessions held 500 copies: docs/benchmarks.md, sessions).
     */
    private final ReferenceCache<String, List<CategoryView>> categoryList;
    private final ReferenceCache<Long, List<ItemView>> itemList;
    private final ReferenceCache<Pageable, Slice<UnitView>> unitList;

    CatalogService(CategoryRepository categories, ListVersionRepository versions, ListItemRepository items,
                   UnitRepository units, ApplicationEventPublisher events, CurrentUser currentUser, Clock clock,
                   @Value("${civitas.cache.reference-ttl:10s}") Duration cacheTtl) {
        this.versionOn = new ReferenceCache<>(cacheTtl, 1_000);
        this.itemOf = new ReferenceCache<>(cacheTtl, 10_000);
        this.unitOf = new ReferenceCache<>(cacheTtl, 10_000);
        this.categoryList = new ReferenceCache<>(cacheTtl, 1);
        this.itemList = new ReferenceCache<>(cacheTtl, 100);
        this.unitList = new ReferenceCache<>(cacheTtl, 100);
        this.categories = categories;
        this.versions = versions;
        this.items = items;
        this.units = units;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // --- the list ----------------------------------------------------------------------------------------------

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categoryList.get("all",
                k -> categories.findAllByOrderBySortOrder().stream().map(Category::toView).toList());
    }

    /** The version in force on a day: the latest whose effective date is on or before it. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public VersionView currentVersion(LocalDate day) {
        // the status (current, upcoming) depends on today too
        return versionOn.get(List.of(day, today()), k -> {
            ListVersion v = versions.findFirstByEffectiveFromLessThanEqualOrderByEffectiveFromDesc(day)
                    .orElseThrow(() -> new RuleViolation("list.error.noVersion", day));
            return v.toView(status(v));
        });
    }

    /** All versions, newest first. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<VersionView> versions() {
        Long current = currentId();
        return versions.findAllByOrderByEffectiveFromDesc().stream().map(v -> v.toView(status(v, current)))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Slice<ItemView> items(ItemFilter filter, Pageable page) {
        long versionId = filter.versionId() != null ? filter.versionId() : currentVersion(today()).id();
        return items.search(versionId, blankToNull(filter.categoryCode()), filter.urgency(), filter.responsibility(),
                blankToNull(filter.text()), page);
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Optional<ItemView> item(long versionId, String code) {
        return code == null ? Optional.empty()
                : itemOf.get(Map.entry(versionId, code.trim()), k -> items.view(k.getKey(), k.getValue()));
    }

    /** Every item of a version, by category and code (for dispatch and classification lists). */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ItemView> itemsOfVersion(long versionId) {
        return itemList.get(versionId, k -> List.copyOf(items.viewsOfVersion(k)));
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public ItemView updateItem(long id, long expectedVersion, ItemForm form) {
        ListItem item = items.findById(id).orElseThrow(() -> new RuleViolation("error.notFound"));
        if (item.getVersion() != expectedVersion) {
            throw new RuleViolation("error.concurrentChange");
        }
        ListVersion version = versions.findById(item.getListVersionId()).orElseThrow();
        if (status(version) == VersionView.Status.SUPERSEDED) {
            throw new RuleViolation("item.error.versionSuperseded", version.getLabel());
        }
        ItemRules.check(form, units::findById);
        ItemView before = items.view(id).orElseThrow();
        item.apply(form);
        items.saveAndFlush(item);
        forgetCached();
        ItemView after = items.view(id).orElseThrow();
        audit("LIST_ITEM_UPDATED", "list_item", id, before, after);
        return after;
    }

    /** Each item's 别名/关键词 in a version, by item code; items without any are left out. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Map<String, String> keywordsOfVersion(long versionId) {
        Map<String, String> out = new java.util.TreeMap<>();
        items.keywordsOfVersion(versionId).forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    /**
     * Sets an item's 别名/关键词 (comma or 、 separated; blanks and repeats dropped). Refused on a superseded version, like
     * every item edit; audited with before and after.
     */
    @PreAuthorize(KEYWORDS)
    @Transactional
    public String updateKeywords(long id, long expectedVersion, String keywords) {
        ListItem item = items.findById(id).orElseThrow(() -> new RuleViolation("error.notFound"));
        if (item.getVersion() != expectedVersion) {
            throw new RuleViolation("error.concurrentChange");
        }
        ListVersion version = versions.findById(item.getListVersionId()).orElseThrow();
        if (status(version) == VersionView.Status.SUPERSEDED) {
            throw new RuleViolation("item.error.versionSuperseded", version.getLabel());
        }
        String cleaned = keywords == null ? "" : String.join(",", java.util.Arrays.stream(keywords.split("[,，、;；\\n]"))
                .map(String::strip).filter(k -> !k.isEmpty()).distinct().toList());
        if (cleaned.length() > KEYWORDS_MAX) {
            throw new RuleViolation("item.error.keywords", KEYWORDS_MAX);
        }
        String before = item.getKeywords();
        item.setKeywords(cleaned.isEmpty() ? null : cleaned);
        items.saveAndFlush(item);
        forgetCached();
        audit("LIST_ITEM_KEYWORDS_UPDATED", "list_item", id, Map.of("code", item.getCode(), "keywords",
                before == null ? "" : before), Map.of("code", item.getCode(), "keywords", cleaned));
        return cleaned;
    }

    /**
     * Starts next year's list as a copy of the newest version, to be edited before it takes effect. The effective
     * date must be after every existing version's.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public VersionView startNewVersion(String label, LocalDate effectiveFrom) {
        if (label == null || label.isBlank() || label.trim().length() > 64) {
            throw new RuleViolation("list.error.label");
        }
        ListVersion latest = versions.findFirstByOrderByEffectiveFromDesc()
                .orElseThrow(() -> new RuleViolation("list.error.noVersion", effectiveFrom));
        if (effectiveFrom == null || !effectiveFrom.isAfter(latest.getEffectiveFrom())) {
            throw new RuleViolation("list.error.effectiveFrom", latest.getEffectiveFrom());
        }
        ListVersion created = versions.save(new ListVersion(label.trim(), effectiveFrom,
                LocalDateTime.now(clock), currentUser.username()));
        List<ListItem> copies = items.findByListVersionId(latest.getId()).stream()
                .map(i -> i.copyInto(created.getId())).toList();
        items.saveAll(copies);
        forgetCached();
        VersionView after = created.toView(status(created));
        events.publishEvent(new AuditEvent(currentUser.username(), "LIST_VERSION_CREATED", "list_version",
                String.valueOf(created.getId()), null, Snapshots.json(after),
                "copied " + copies.size() + " items from version " + latest.getId()));
        return after;
    }

    // --- units -------------------------------------------------------------------------------------------------

    /** Every district, active or not, by code. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<UnitView> districts() {
        return units.findByKindOrderByCode(UnitKind.DISTRICT).stream().map(Unit::toView).toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<UnitView> streetsOf(String districtCode) {
        if (districtCode == null) {
            return List.of();
        }
        return units.findByParentCodeOrderByCode(districtCode).stream().map(Unit::toView).toList();
    }

    /** The active departments and enterprises: the units that may lead an item. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<UnitView> leadUnits() {
        return units.findByKindInAndActiveTrueOrderByCode(EnumSet.of(UnitKind.DEPARTMENT, UnitKind.ENTERPRISE))
                .stream().map(Unit::toView).toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Optional<UnitView> unit(String code) {
        return code == null ? Optional.empty()
                : unitOf.get(code.trim(), k -> units.findById(k).map(Unit::toView));
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Slice<UnitView> units(UnitFilter filter, Pageable page) {
        if (filter.equals(UnitFilter.all())) {
            return unitList.get(page, p -> units.search(null, null, null, null, p).map(Unit::toView));
        }
        return units.search(filter.kind(), filter.peerGroup(), blankToNull(filter.parentCode()),
                blankToNull(filter.text()), page).map(Unit::toView);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public UnitView createUnit(UnitForm form) {
        String code = form.code() == null ? "" : form.code().trim().toUpperCase();
        if (!code.matches(UnitRules.CODE)) {
            throw new RuleViolation("unit.error.code");
        }
        if (units.existsById(code)) {
            throw new RuleViolation("unit.error.duplicate", code);
        }
        PeerGroup peerGroup = UnitRules.check(form, units::findById);
        Unit unit = new Unit(code, form.kind());
        apply(unit, form, peerGroup);
        UnitView after = units.saveAndFlush(unit).toView();
        forgetCached();
        audit("UNIT_CREATED", "unit", code, null, after);
        return after;
    }

    /** Changes a unit's name, peer group or district; its code and kind stay. */
    @PreAuthorize(ADMIN)
    @Transactional
    public UnitView updateUnit(String code, long expectedVersion, UnitForm form) {
        Unit unit = load(code, expectedVersion);
        if (form.kind() != unit.getKind()) {
            throw new RuleViolation("unit.error.kindFixed");
        }
        PeerGroup peerGroup = UnitRules.check(form, units::findById);
        UnitView before = unit.toView();
        apply(unit, form, peerGroup);
        UnitView after = units.saveAndFlush(unit).toView();
        forgetCached();
        audit("UNIT_UPDATED", "unit", code, before, after);
        return after;
    }

    /**
     * Takes a unit out of use. Its cases and scores keep naming it, so it is never deleted; a district with active
     * streets, or a unit leading items of the current or an upcoming list, must be relieved first.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public UnitView deactivate(String code, long expectedVersion) {
        Unit unit = load(code, expectedVersion);
        if (units.existsByParentCodeAndActiveTrue(unit.getCode())) {
            throw new RuleViolation("unit.error.hasActiveStreets", unit.getName());
        }
        Long current = currentId();
        List<Long> inUse = versions.findAllByOrderByEffectiveFromDesc().stream()
                .filter(v -> status(v, current) != VersionView.Status.SUPERSEDED).map(ListVersion::getId).toList();
        long led = inUse.isEmpty() ? 0 : items.countLedBy(unit.getCode(), inUse);
        if (led > 0) {
            throw new RuleViolation("unit.error.leadsItems", unit.getName(), led);
        }
        return setActive(unit, false, "UNIT_DEACTIVATED");
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public UnitView reactivate(String code, long expectedVersion) {
        Unit unit = load(code, expectedVersion);
        if (unit.getParentCode() != null && !units.findById(unit.getParentCode()).map(Unit::isActive).orElse(false)) {
            throw new RuleViolation("unit.error.parentInactive", unit.getParentCode());
        }
        return setActive(unit, true, "UNIT_REACTIVATED");
    }

    // --- internals ---------------------------------------------------------------------------------------------

    private UnitView setActive(Unit unit, boolean active, String action) {
        UnitView before = unit.toView();
        unit.setActive(active);
        UnitView after = units.saveAndFlush(unit).toView();
        forgetCached();
        audit(action, "unit", unit.getCode(), before, after);
        return after;
    }

    private Unit load(String code, long expectedVersion) {
        Unit unit = units.findById(code == null ? "" : code.trim())
                .orElseThrow(() -> new RuleViolation("error.notFound"));
        if (unit.getVersion() != expectedVersion) {
            throw new RuleViolation("error.concurrentChange");
        }
        return unit;
    }

    private static void apply(Unit unit, UnitForm form, PeerGroup peerGroup) {
        unit.setName(form.name().trim());
        unit.setPeerGroup(peerGroup);
        unit.setParentCode(form.kind() == UnitKind.STREET ? form.parentCode().trim() : null);
    }

    private VersionView.Status status(ListVersion v) {
        return status(v, currentId());
    }

    private VersionView.Status status(ListVersion v, Long currentId) {
        if (v.getEffectiveFrom().isAfter(today())) {
            return VersionView.Status.UPCOMING;
        }
        return v.getId().equals(currentId) ? VersionView.Status.CURRENT : VersionView.Status.SUPERSEDED;
    }

    /** The id of the version in force today, or null before the first one. */
    private Long currentId() {
        return versions.findFirstByEffectiveFromLessThanEqualOrderByEffectiveFromDesc(today())
                .map(ListVersion::getId).orElse(null);
    }

    private void forgetCached() {
        versionOn.clear();
        itemOf.clear();
        unitOf.clear();
        categoryList.clear();
        itemList.clear();
        unitList.clear();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void audit(String action, String targetType, Object id, Object before, Object after) {
        events.publishEvent(AuditEvent.change(currentUser.username(), action, targetType, id,
                Snapshots.json(before), Snapshots.json(after)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
