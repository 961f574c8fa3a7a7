package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.NewFinding;
import org.civitas.inspection.NewRound;
import org.civitas.inspection.NoticeService;
import org.civitas.inspection.PlaceType;
import org.civitas.inspection.RoundRow;
import org.civitas.supervision.SupervisionLevel;
import org.civitas.supervision.SupervisionService;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every main view, opened by each role that works in it, in Chinese on a 1,366 × 768 screen (the common office
 * laptop), shows a person's words only: no English (beyond the names in {@link #ALLOWED_WORDS}), no login names, no
 * unit code where the unit's name belongs, nothing that needs a sideways scrollbar (on the page or inside a grid), and
 * no grid cell cut off with an ellipsis that does not show its whole text on hover. What is read is what a person
 * sees: the text of visible elements, through the shadow roots of Vaadin's components, and the values and
 * placeholders of visible fields.
 *
 * <p>Exceptions are per view, in the table, where people type or administer the codes themselves: unit codes in the
 * units and users admin views and in the audit log (the record as written, searchable by code and login); logins in
 * the users and security admin views (accounts are typed and unlocked by login) and in the audit log; the calendar
 * file's encoding and header row; channel codes and key prefixes in the channels view; browser and system names in
 * the session lists. Case, round and notice numbers (WM…, JC…, ZG…) and negative-list item codes (SR-04, always next
 * to the item's name) are shown as they are everywhere (docs/decisions/DD055).
 *
 * <p>The failure lists view × user × finding; screenshots of every view × user land in
 * {@code target/screens-scan/}.
 */
class ViewScanBrowserTest extends BrowserTest {

    private static final String ANONYMOUS = "(anonymous)";
    private static final String CLERK = "clerk.wuchang";

    /** Browsers and systems by their names, as the session lists show them. */
    private static final String[] BROWSERS = {"Chrome", "Chromium", "Edge", "Firefox", "Safari", "Opera", "Windows",
            "Linux", "macOS", "Android", "iOS"};

    /** Who opens what, in the order it is visited; one login per user. */
    private static final List<Visit> VISITS = List.of(
            //    who              route                    what a person calls it
            visit(ANONYMOUS,        "login",                 "登录"),
            visit(ANONYMOUS,        "public/report",         "反映问题"),
            visit(ANONYMOUS,        "public/track/{number}", "查询进度"),
            visit(ANONYMOUS,        "public/stats",          "公开数据"),
            visit(CLERK,            "",                      "工作台"),
            visit(CLERK,            "cases",                 "诉求工单"),
            visit(CLERK,            "cases/{dispatched}",    "工单详情（待签收）"),
            visit(CLERK,            "cases/{signed}",        "工单详情（办理中）"),
            visit(CLERK,            "cases/{signed}",        "答复").then(t -> t.click("case-action-REPLY")),
            visit(CLERK,            "cases/{signed}",        "申请延期")
                    .then(t -> t.click("case-action-REQUEST_EXTENSION")),
            visit(CLERK,            "cases/{signed}",        "申请退单").then(t -> t.click("case-action-REQUEST_RETURN")),
            visit(CLERK,            "cases/{signed}",        "下派街道").then(t -> t.click("case-action-SUB_DISPATCH")),
            visit(CLERK,            "cases",                 "通知").then(t -> t.click("notification-bell")),
            visit(CLERK,            "board",                 "时限看板"),
            visit(CLERK,            "supervision",           "督办"),
            visit(CLERK,            "supervision",           "选择日期").then(ViewScanBrowserTest::openFirstDatePicker)
                    .expecting("今天", "取消"),
            visit(CLERK,            "notices",               "整改通知"),
            visit(CLERK,            "notices",               "答复整改通知").then(t -> {
                t.clickFirstRow();
                t.click("notice-answer");
            }),
            visit(CLERK,            "account/sessions",      "我的会话").allowing(BROWSERS),
            visit("clerk.chengguan","",                      "工作台"),
            visit("clerk.chengguan","cases",                 "诉求工单"),
            visit("clerk.chengguan","board",                 "时限看板"),
            visit("operator",       "",                      "工作台"),
            visit("operator",       "cases/new",             "受理登记"),
            visit("operator",       "cases",                 "诉求工单"),
            visit("operator",       "cases/{dispatched}",    "工单详情"),
            visit("operator",       "account/password",      "修改密码"),
            visit("supervisor",     "",                      "工作台"),
            visit("supervisor",     "cases",                 "诉求工单"),
            visit("supervisor",     "cases/{signed}",        "工单详情"),
            visit("supervisor",     "cases/{signed}",        "督办").then(t -> t.click("supervision-issue")),
            visit("supervisor",     "cases/{signed}",        "改派").then(t -> t.click("case-action-REDISPATCH")),
            visit("supervisor",     "cases/new",             "受理登记"),
            visit("supervisor",     "board",                 "时限看板"),
            visit("supervisor",     "supervision",           "督办"),
            visit("supervisor",     "analysis",              "半月分析"),
            visit("supervisor",     "rankings",              "考核排名"),
            visit("supervisor",     "assessment",            "双月和年度考核"),
            visit("supervisor",     "scoring/rules",         "评分规则"),
            visit("supervisor",     "inspections",           "实地检查"),
            visit("supervisor",     "notices",               "整改通知"),
            visit("supervisor",     "inspections/plan",      "暗访计划").then(t -> t.click("plan-propose")),
            visit("inspector",      "",                      "工作台"),
            visit("inspector",      "cases",                 "诉求工单"),
            visit("inspector",      "inspections",           "实地检查"),
            visit("inspector",      "inspections",           "新建检查轮次").then(t -> t.click("inspection-new-round")),
            visit("inspector",      "notices",               "整改通知"),
            visit("inspector",      "inspections/plan",      "暗访计划").then(t -> t.click("plan-propose")),
            visit("leader",         "",                      "工作台"),
            visit("leader",         "cases",                 "诉求工单"),
            visit("leader",         "board",                 "时限看板"),
            visit("leader",         "supervision",           "督办"),
            visit("leader",         "analysis",              "半月分析"),
            visit("leader",         "rankings",              "考核排名"),
            visit("leader",         "assessment",            "双月和年度考核"),
            visit("leader",         "assessment",            "7–12 月")
                    .then(t -> t.choose("vaadin-radio-button", "7–12 月")),
            visit("leader",         "inspections",           "实地检查"),
            visit("leader",         "notices",               "整改通知"),
            visit("admin",          "",                      "工作台"),
            visit("admin",          "admin/users",           "用户管理").allowingUnitCodes().allowingLogins(),
            visit("admin",          "admin/units",           "单位").allowingUnitCodes(),
            visit("admin",          "admin/negative-list",   "负面清单"),
            // the file's encoding and header row, as the file must have them
            visit("admin",          "admin/calendar",        "工作日历").allowing("UTF-8", "date", "kind", "name"),
            // codes and key prefixes the administrator types and hands to the channel's developers
            visit("admin",          "admin/channels",        "渠道接入").allowing("https", "DEMO_APP", "cvk_demo"),
            visit("secadmin",       "",                      "工作台"),
            visit("secadmin",       "admin/security",        "安全管理").allowingLogins().allowing(BROWSERS),
            visit("auditor",        "",                      "工作台"),
            // the record as written, searchable by what it holds: unit codes, channel codes, logins (also the names
            // typed at failed logins, which belong to no account)
            visit("auditor",        "audit",                 "审计日志").allowingUnitCodes().allowingLogins()
                    .allowing("DEMO_APP", "cvk_demo"));

    /**
     * Names and abbreviations a Chinese office reads as they are: file formats, the product's name, key caps (Ctrl,
     * Enter), sizes (MB), IP, App; and English, which the language switch shows in its own language.
     */
    static final Set<String> ALLOWED_WORDS = Set.of("Excel", "PDF", "CSV", "API", "SMS", "TOTP", "Open311", "URL",
            "ID", "IP", "MB", "App", "Ctrl", "Enter", "Esc", "Civitas", "English");
    /** Numbers of cases (WM…), inspection rounds (JC…) and notices (ZG…), and negative-list item codes (SR-04). */
    private static final Pattern ALLOWED_CODES = Pattern.compile("\\b(?:WM|JC|ZG)\\d{6,}|\\b[A-Z]{2}-\\d{2}\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[._'’-][A-Za-z0-9]+)*");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
    private static final Path SCREENS = Path.of("target", "screens-scan");

    @Autowired CaseService cases;
    @Autowired SupervisionService supervision;
    @Autowired InspectionService inspections;
    @Autowired NoticeService notices;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void every_view_shows_chinese_names_and_no_sideways_scrolling_at_1366_by_768() throws IOException {
        Map<String, String> placeholders = someWorkInEveryList();
        Set<String> logins = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        logins.addAll(jdbc.queryForList("select username from app_user", String.class));
        logins.addAll(List.of("system", "citizen"));
        Map<String, String> unitNames = new HashMap<>();
        jdbc.query("select code, name from unit", rs -> {
            unitNames.put(rs.getString(1), rs.getString(2));
        });
        Files.createDirectories(SCREENS);

        List<String> findings = new ArrayList<>();
        Dimension before = driver().manage().window().getSize();
        try {
            viewport(1366, 768);
            String loggedIn = null;
            for (Visit v : VISITS) {
                if (!v.user().equals(loggedIn)) {
                    driver().manage().deleteAllCookies();
                    if (!v.user().equals(ANONYMOUS)) {
                        login(v.user());
                    }
                    loggedIn = v.user();
                }
                String route = v.route();
                for (var p : placeholders.entrySet()) {
                    route = route.replace(p.getKey(), p.getValue());
                }
                open(route);
                settle();
                // a view the user may not open, or a case they may not see, would pass with nothing to read
                assertThat(driver().getCurrentUrl()).as(v.label()).endsWith("/" + route);
                assertThat(driver().findElements(By.cssSelector("#not-found, #case-unavailable"))).as(v.label())
                        .isEmpty();
                v.step().accept(this);
                settle();
                Scan scan = scan();
                saveScreen(v);
                assertThat(scan.texts()).as("what %s reads", v.label()).anyMatch(t -> t.matches(".*\\p{IsHan}.*"))
                        .containsAll(v.expected());
                findings.addAll(check(v, scan, logins, unitNames));
            }
        } finally {
            driver().manage().window().setSize(before);
        }
        assertThat(findings).as("""
                views × roles that show English, login names, bare unit codes or scroll sideways at 1366 px \
                (screenshots in target/screens-scan/):
                %s""", String.join("\n", findings)).isEmpty();
    }

    // ---- the table ----------------------------------------------------------------------------------------------

    /** One view opened by one user; what it may show besides Chinese, and what to do before reading it. */
    record Visit(String user, String route, String name, Consumer<ViewScanBrowserTest> step, boolean unitCodesAllowed,
                 boolean loginsAllowed, Set<String> wordsAllowed, List<String> expected) {

        Visit then(Consumer<ViewScanBrowserTest> next) {
            return new Visit(user, route, name, next, unitCodesAllowed, loginsAllowed, wordsAllowed, expected);
        }

        Visit allowingUnitCodes() {
            return new Visit(user, route, name, step, true, loginsAllowed, wordsAllowed, expected);
        }

        Visit allowingLogins() {
            return new Visit(user, route, name, step, unitCodesAllowed, true, wordsAllowed, expected);
        }

        Visit allowing(String... words) {
            return new Visit(user, route, name, step, unitCodesAllowed, loginsAllowed, Set.of(words), expected);
        }

        /** Texts the scan must read here: proof that it reaches into the components' shadow roots. */
        Visit expecting(String... texts) {
            return new Visit(user, route, name, step, unitCodesAllowed, loginsAllowed, wordsAllowed, List.of(texts));
        }

        String label() {
            return name + " (/" + route + ") × " + user;
        }
    }

    private static Visit visit(String user, String route, String name) {
        return new Visit(user, route, name, t -> { }, false, false, Set.of(), List.of());
    }

    // ---- the data the lists show --------------------------------------------------------------------------------

    /**
     * A new case and a signed one in 武昌区 (with a supervision order), a case for 江岸区, a department's and a joint
     * case, and an inspection round whose notice went to 武昌区: every list a role opens has rows. Returns the route
     * placeholders.
     */
    private Map<String, String> someWorkInEveryList() {
        CaseDetails fresh = RunAs.user("operator", () -> cases.register(aReport().item("SR-04").in("D05", "S0501")
                .address("中华路扫描巷 1 号").description("界面检查：商户占道经营").build()), "OPERATOR");
        CaseDetails toSign = RunAs.user("operator", () -> cases.register(aReport().item("SR-01").in("D05", "S0501")
                .address("中华路扫描巷 2 号").description("界面检查：垃圾堆积，无人清理").build()), "OPERATOR");
        RunAs.user("operator", () -> cases.register(aReport().item("SR-04").in("D01", null)
                .address("江岸区扫描路 3 号").description("界面检查：江岸区占道").build()), "OPERATOR");
        // a department's case (渣土车: 市城市管理执法委员会 leads) and a joint one (武昌区 leads, a department helps)
        RunAs.user("operator", () -> cases.register(aReport().item("SG-03").in("D05", "S0501")
                .address("中华路扫描巷 4 号").description("界面检查：渣土车抛洒滴漏").build()), "OPERATOR");
        RunAs.user("operator", () -> cases.register(aReport().item("SG-01").in("D05", "S0501")
                .address("中华路扫描巷 5 号").description("界面检查：工地扬尘").build()), "OPERATOR");
        CaseDetails signed = RunAs.account(users, CLERK, () -> cases.sign(toSign.ref()));
        RunAs.account(users, "supervisor", () -> supervision.issue(signed.id(), SupervisionLevel.LISTED,
                "群众反映强烈", LocalDateTime.now(clock).plusDays(3)));
        RunAs.account(users, "inspector", () -> {
            LocalDate today = LocalDate.now(clock);
            RoundRow round = inspections.createRound(new NewRound("界面检查：背街小巷", today, today, "督导二组",
                    Set.of("D05"), Set.of(PlaceType.BACK_STREET), "积玉桥背街"));
            inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.BACK_STREET, "D05", null,
                    "武昌区扫描巷 9 号", "垃圾堆积", false), List.of());
            notices.issueNotices(round.id());
        });
        return Map.of("{dispatched}", String.valueOf(fresh.id()), "{number}", fresh.number(),
                "{signed}", String.valueOf(signed.id()));
    }

    // ---- reading the page ---------------------------------------------------------------------------------------

    record Scan(List<String> texts, List<String> scrolls, List<String> cutOff) {
    }

    /** Visible text through shadow roots, fields' values and placeholders; whatever scrolls sideways. */
    @SuppressWarnings("unchecked")
    private Scan scan() {
        Map<String, Object> result = (Map<String, Object>) js("""
                const texts = [];
                const scrolls = [];
                const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
                function box(el) {
                  // display: contents (slots, some wrappers) has no box of its own: its parent's decides
                  while (el && getComputedStyle(el).display === 'contents') {
                    el = el.parentElement || (el.parentNode && el.parentNode.host);
                  }
                  return el;
                }
                function shown(el) {
                  el = box(el);
                  if (!el || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
                  const r = el.getBoundingClientRect();
                  return r.width > 0 && r.height > 0;
                }
                function walk(node) {
                  if (node.nodeType === Node.TEXT_NODE) {
                    const t = node.textContent.replace(/\\s+/g, ' ').trim();
                    const parent = node.parentElement;
                    if (!t || !parent) return;
                    // a host's own text shows only if slotted; a slot's own text only when nothing is assigned
                    if (parent.shadowRoot && !node.assignedSlot) return;
                    if (parent.tagName === 'SLOT' && parent.assignedNodes().length) return;
                    if (shown(parent)) texts.push(t);
                    return;
                  }
                  if (node.nodeType === Node.ELEMENT_NODE) {
                    if (skip.has(node.tagName)) return;
                    if ((node.tagName === 'INPUT' || node.tagName === 'TEXTAREA') && shown(node)
                        && node.type !== 'password' && node.type !== 'hidden') {
                      if (node.value) texts.push(node.value);
                      if (!node.value && node.placeholder) texts.push(node.placeholder);
                    }
                    if (node.shadowRoot) walk(node.shadowRoot);
                  }
                  for (const c of node.childNodes) walk(c);
                }
                walk(document.body);
                const de = document.documentElement;
                if (de.scrollWidth > de.clientWidth + 1) {
                  scrolls.push('the page is ' + de.scrollWidth + ' px wide in ' + de.clientWidth);
                }
                function grids(root, out) {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.tagName === 'VAADIN-GRID') out.push(el);
                    if (el.shadowRoot) grids(el.shadowRoot, out);
                  }
                  return out;
                }
                // whatever else scrolls sideways: the app layout's content area scrolls itself, not the document
                function scrollers(root) {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) scrollers(el.shadowRoot);
                    const x = getComputedStyle(el).overflowX;
                    if ((x !== 'auto' && x !== 'scroll') || el.scrollWidth <= el.clientWidth + 1) continue;
                    const host = root.host;
                    if (host && host.tagName === 'VAADIN-GRID' || !shown(el)) continue;
                    scrolls.push((host ? host.tagName.toLowerCase() + (host.id ? '#' + host.id : '') + ' › ' : '')
                        + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                        + (el.getAttribute('part') ? '[part=' + el.getAttribute('part') + ']' : '')
                        + ' is ' + el.scrollWidth + ' px wide in ' + el.clientWidth);
                  }
                }
                scrollers(document);
                for (const g of grids(document, [])) {
                  if (!shown(g)) continue;
                  const table = g.$ && g.$.table;
                  if (table && table.scrollWidth > table.clientWidth + 1) {
                    const header = [...g.querySelectorAll('vaadin-grid-cell-content')].slice(0, 3)
                        .map(c => c.textContent.trim()).filter(t => t).join('|');
                    scrolls.push('grid ' + (g.id || '[' + header + ']') + ' is ' + table.scrollWidth
                        + ' px wide in ' + table.clientWidth);
                  }
                }
                // a grid cell whose text ends in an ellipsis must say the whole of it on hover
                const cutOff = [];
                for (const g of grids(document, [])) {
                  if (!shown(g)) continue;
                  for (const content of g.querySelectorAll('vaadin-grid-cell-content')) {
                    const text = content.textContent.replace(/\\s+/g, ' ').trim();
                    if (!text || !shown(content) || content.scrollWidth <= content.clientWidth + 1) continue;
                    const cell = content.assignedSlot && content.assignedSlot.parentElement;
                    const column = cell && cell._column;
                    const item = cell && cell.parentElement && cell.parentElement._item;
                    const tips = item && item.gridtooltips;
                    const tip = tips && column && Object.keys(tips).length > 0
                        && (tips[column._flowId] || Object.values(tips).some(t => t === text));
                    const titled = content.title || content.querySelector('[title], vaadin-tooltip');
                    if (!tip && !titled) {
                      const header = column && column._headerCell && column._headerCell._content
                          ? column._headerCell._content.textContent.trim() : '';
                      cutOff.push((g.id || 'grid') + ' [' + header + '] "' + text + '"');
                    }
                  }
                }
                return {texts: texts, scrolls: scrolls, cutOff: cutOff};
                """);
        return new Scan((List<String>) result.get("texts"), (List<String>) result.get("scrolls"),
                (List<String>) result.get("cutOff"));
    }

    private List<String> check(Visit v, Scan scan, Set<String> logins, Map<String, String> unitNames) {
        Set<String> english = new LinkedHashSet<>();
        Set<String> loginNames = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (String text : scan.texts()) {
            Matcher words = WORD.matcher(ALLOWED_CODES.matcher(text).replaceAll(" "));
            while (words.find()) {
                String word = words.group();
                if (v.wordsAllowed().contains(word)) {
                    continue;
                }
                if (logins.contains(word)) {
                    if (!v.loginsAllowed()) {
                        loginNames.add(word);
                    }
                } else if (unitNames.containsKey(word)) {
                    if (!v.unitCodesAllowed() && !text.contains(unitNames.get(word))) {
                        codes.add(word + " in \"" + abbreviate(text) + "\"");
                    }
                } else if (ENGLISH.matcher(word).find() && !ALLOWED_WORDS.contains(word)) {
                    english.add(word + " in \"" + abbreviate(text) + "\"");
                }
            }
        }
        List<String> found = new ArrayList<>();
        if (!english.isEmpty()) {
            found.add(v.label() + ": English " + english);
        }
        if (!loginNames.isEmpty()) {
            found.add(v.label() + ": login names " + loginNames);
        }
        if (!codes.isEmpty()) {
            found.add(v.label() + ": bare unit codes " + codes);
        }
        for (String s : scan.scrolls()) {
            found.add(v.label() + ": scrolls sideways, " + s);
        }
        for (String s : scan.cutOff()) {
            found.add(v.label() + ": cut off with no tooltip, " + s);
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }

    // ---- steps and waiting --------------------------------------------------------------------------------------

    void click(String id) {
        WebElement e = waitForVisible(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
        waitForVaadin();
    }

    /** Clicks the element of {@code css} that reads {@code label}. */
    void choose(String css, String label) {
        waitUntil(d -> d.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().trim().equals(label))
                .findFirst().orElse(null)).click();
        waitForVaadin();
    }

    /** Clicks the first row of the page's first grid. */
    void clickFirstRow() {
        WebElement cell = waitUntil(d -> (WebElement) js("""
                const g = document.querySelector('vaadin-grid');
                const slot = g && g.shadowRoot.querySelector('#items tr:not([hidden]) td slot');
                return slot ? slot.assignedElements()[0] : null;
                """));
        cell.click();
        waitForVaadin();
    }

    /** Opens the first date picker's calendar. */
    void openFirstDatePicker() {
        waitForVisible(By.cssSelector("vaadin-date-picker input")).click();
        waitForElement(By.cssSelector("vaadin-date-picker-overlay[opened]"));
        waitForVaadin();
    }

    /** Vaadin has answered and no grid is still fetching rows. */
    private void settle() {
        waitForVaadin();
        waitUntil(d -> (Boolean) js("""
                return [...document.querySelectorAll('vaadin-grid')].every(g => !g.hasAttribute('loading'));
                """));
    }

    /** Sizes the window so that the page itself (not the window's frame) is {@code width} × {@code height}. */
    private void viewport(int width, int height) {
        driver().manage().window().setSize(new Dimension(width, height));
        long innerWidth = (Long) js("return window.innerWidth");
        long innerHeight = (Long) js("return window.innerHeight");
        driver().manage().window().setSize(new Dimension(width + (int) (width - innerWidth),
                height + (int) (height - innerHeight)));
    }

    private void saveScreen(Visit v) {
        String name = (v.user() + "-" + (v.route().isEmpty() ? "home" : v.route()) + "-" + v.name())
                .replaceAll("[^\\p{L}\\p{N}._-]+", "_").toLowerCase(Locale.ROOT);
        try {
            Files.write(SCREENS.resolve(name + ".png"), ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
