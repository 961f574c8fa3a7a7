package org.civitas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.base.SharedJson;

/**
 * What a person reads for an audit row instead of its codes: the action, the object type, the detail and the
 * before/after snapshots as a field-by-field list of changes, all in the reader's language. The log keeps the codes
 * (the hash chain covers them, and they never change); a code without a translation shows as itself. One instance per
 * view or export, in one language; it remembers which keys are missing so each is looked up once.
 *
 * <p>Snapshots come in three forms: JSON (most changes, see {@code Snapshots.json}), a record's {@code toString}
 * ({@code RoundRow[id=1, title=…]}) and a bare value ({@code OPEN}); the first two become fields.
 */
public final class AuditTexts {

    /** One changed field: its label and the values before and after (null when the field did not exist). */
    public record Change(String field, String before, String after) {
    }

    /**
     * Every action the code publishes, in the order the auditor's list shows them (logins, accounts, exports and
     * downloads, then each administrator's changes). Actions found in the log but not here are listed too, by code.
     */
    public static final List<String> ACTIONS = List.of(
            "LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_THROTTLED", "LOGIN_BURST", "LOGIN_DISABLED_ACCOUNT", "LOGOUT",
            "SESSION_ENDED", "SESSION_ENDED_BY_USER", "PASSWORD_CHANGED", "TOTP_ENROLLED", "TOTP_VERIFIED",
            "TOTP_FAILED", "TOTP_RESET", "USER_CREATED", "USER_UPDATED", "USER_UNLOCKED", "USER_PASSWORD_RESET",
            "TRACKING_LOCKED", "COMPLAINANT_REVEALED", "CASES_EXPORTED", "AUDIT_LOG_EXPORTED",
            "ANALYSIS_PDF_DOWNLOADED", "ANALYSIS_EXCEL_DOWNLOADED", "BULLETIN_PUBLISHED", "BULLETIN_DOWNLOADED",
            "INSPECTION_ROUND_EXPORTED", "RECTIFICATION_NOTICE_DOWNLOADED", "LIST_ITEM_UPDATED",
            "LIST_ITEM_KEYWORDS_UPDATED", "CLASSIFIER_RETRAINED", "CLASSIFIER_SETTINGS_CHANGED",
            "LIST_VERSION_CREATED", "UNIT_CREATED", "UNIT_UPDATED", "UNIT_DEACTIVATED", "UNIT_REACTIVATED",
            "CALENDAR_DAY_ADDED", "CALENDAR_DAY_REMOVED", "CALENDAR_YEAR_IMPORTED", "CHANNEL_CREATED",
            "CHANNEL_UPDATED", "API_KEY_CREATED", "API_KEY_REVOKED", "SCORING_RULES_SAVED", "INSPECTION_ROUND_CREATED",
            "INSPECTION_ROUND_PLANNED", "INSPECTION_CHECKPOINT_CLEARED",
            "INSPECTION_ROUND_UPDATED", "INSPECTION_FINDING_RECORDED", "RECTIFICATION_NOTICE_ISSUED",
            "RECTIFICATION_NOTICE_ANSWERED", "RECTIFICATION_REINSPECTED", "RECTIFICATION_DEADLINE_SET",
            "RECTIFICATION_NOTICE_REISSUED", "RECTIFICATION_HANDED_TO_SUPERVISION", "CASE_MERGED");

    /** Every object type the code names in the log. */
    public static final List<String> TYPES = List.of("app_user", "session", "case_file", "case_number", "audit_log",
            "list_item", "list_version", "unit", "calendar_day", "calendar_year", "channel_system", "channel_api_key",
            "scoring_rule_set", "scoring_bulletin", "analysis", "inspection_round", "inspection_finding",
            "rectification_notice", "classifier_model", "classifier_setting");

    // static and no bean, so no injected mapper: the helpers' shared one (base.SharedJson)
    private static final ObjectMapper JSON = SharedJson.MAPPER;
    private static final Pattern RECORD = Pattern.compile("^[A-Z]\\w*\\[(.*)]$", Pattern.DOTALL);
    private static final Pattern RECORD_FIELD = Pattern.compile("^(\\w+)=(.*)$", Pattern.DOTALL);

    /** The detail texts the code writes, with the key that says them in words (groups are its arguments). */
    private static final List<Map.Entry<Pattern, String>> DETAILS = List.of(
            Map.entry(Pattern.compile("^(\\d+) rows(?: .*)?$", Pattern.DOTALL), "audit.detail.rows"),
            Map.entry(Pattern.compile("^(.+), wait (\\d+) ms$"), "audit.detail.throttled"),
            Map.entry(Pattern.compile("^account, (\\d+) failures$"), "audit.detail.burstAccount"),
            Map.entry(Pattern.compile("^address (.+), (\\d+) failures$"), "audit.detail.burstAddress"),
            Map.entry(Pattern.compile("^pause (\\d+), (\\d+) min$"), "audit.detail.trackingLocked"),
            Map.entry(Pattern.compile("^copied (\\d+) items from version (\\d+)$"), "audit.detail.copied"),
            Map.entry(Pattern.compile("^(\\d+) units$"), "audit.detail.units"),
            Map.entry(Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"), "audit.detail.period"));

    /** Fields whose values are codes of an enum that has labels: the label prefixes to try, in order. */
    private static final Map<String, List<String>> VALUE_PREFIXES = Map.ofEntries(
            Map.entry("status", List.of("CaseStatus.")), Map.entry("statuses", List.of("CaseStatus.")),
            Map.entry("urgency", List.of("Urgency.")), Map.entry("channel", List.of("Channel.")),
            Map.entry("kind", List.of("UnitKind.", "DayKind.")), Map.entry("peerGroup", List.of("PeerGroup.")),
            Map.entry("responsibility", List.of("Responsibility.")), Map.entry("roles", List.of("role.")),
            Map.entry("actions", List.of("audit.action.")), Map.entry("targetType", List.of("audit.type.")),
            Map.entry("placeType", List.of("inspection.placeType.")),
            Map.entry("placeTypes", List.of("inspection.placeType.")));

    private final Function<String, String> translate;
    private final Map<String, Optional<String>> known = new HashMap<>();

    /** @param translate a translation key in the reader's language ({@code !key} when there is none) */
    public AuditTexts(Function<String, String> translate) {
        this.translate = translate;
    }

    /** 登录失败 for {@code LOGIN_FAILED}; the code itself when it has no label. */
    public String action(String code) {
        return code == null ? "" : label("audit.action." + code).orElse(code);
    }

    /** 工单 for {@code case_file}. */
    public String targetType(String code) {
        return code == null ? "" : label("audit.type." + code).orElse(code);
    }

    /** The object: its type in words and its key. */
    public String target(AuditEntry e) {
        if (e.getTargetType() == null) {
            return "";
        }
        String id = e.getTargetId() == null || "null".equals(e.getTargetId()) ? "" : " " + e.getTargetId();
        return targetType(e.getTargetType()) + id;
    }

    /** The detail in words: 密码错误 for {@code BadCredentialsException}, 共 12 行 for {@code 12 rows {…}}. */
    public String detail(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String d = detail.strip();
        if (d.matches("[A-Z]\\w*Exception")) {
            return label("audit.reason." + d).orElse(d);
        }
        for (Map.Entry<Pattern, String> p : DETAILS) {
            Matcher m = p.getKey().matcher(d);
            if (m.matches()) {
                Optional<String> pattern = label(p.getValue());
                if (pattern.isPresent()) {
                    Object[] args = new Object[m.groupCount()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = m.group(i + 1);
                    }
                    if ("audit.detail.throttled".equals(p.getValue())) {
                        args[1] = String.valueOf((Long.parseLong(m.group(2)) + 999) / 1000);
                    }
                    return java.text.MessageFormat.format(pattern.get(), args);
                }
            }
        }
        return d;
    }

    /** The changes from {@code before} to {@code after}, field by field; unchanged fields are left out. */
    public List<Change> changes(String before, String after) {
        JsonNode b = parse(before);
        JsonNode a = parse(after);
        List<Change> changes = new ArrayList<>();
        if (b == null && a == null) {
            return changes;
        }
        if ((b == null || b.isObject()) && (a == null || a.isObject())) {
            Set<String> fields = new LinkedHashSet<>();
            if (a != null) {
                a.fieldNames().forEachRemaining(fields::add);
            }
            if (b != null) {
                b.fieldNames().forEachRemaining(fields::add);
            }
            for (String f : fields) {
                JsonNode was = b == null ? null : b.get(f);
                JsonNode is = a == null ? null : a.get(f);
                if (was != null && was.equals(is)) {
                    continue;
                }
                if (b == null && (is == null || is.isNull() || (is.isContainerNode() && is.isEmpty())
                        || (is.isTextual() && is.asText().isEmpty()))) {
                    continue; // a new object's empty fields say nothing
                }
                // a field missing on one side (an object created, removed, or of another shape) has no value there
                changes.add(new Change(field(f), was == null ? null : value(f, was), is == null ? null : value(f, is)));
            }
        } else if ((b == null || b.isArray()) && (a == null || a.isArray())) {
            List<JsonNode> was = elements(b);
            List<JsonNode> is = elements(a);
            was.stream().filter(x -> !is.contains(x))
                    .forEach(x -> changes.add(new Change(text("audit.change.removed"), value(null, x), null)));
            is.stream().filter(x -> !was.contains(x))
                    .forEach(x -> changes.add(new Change(text("audit.change.added"), null, value(null, x))));
        } else {
            changes.add(new Change(text("audit.change.value"), b == null ? null : value(null, b),
                    a == null ? null : value(null, a)));
        }
        return changes;
    }

    /** One change as a line: 状态：已派单 → 已签收; a new field reads 状态：已派单. */
    public String line(Change c) {
        if (c.before() == null) {
            return text("audit.change.set", c.field(), c.after());
        }
        return text("audit.change.line", c.field(), c.before(),
                c.after() == null ? text("audit.change.gone") : c.after());
    }

    /** The detail and the changes on one line, for a grid cell or a spreadsheet. */
    public String summary(AuditEntry e) {
        List<String> parts = new ArrayList<>();
        String d = detail(e.getDetail());
        if (!d.isEmpty()) {
            parts.add(d);
        }
        changes(e.getBefore(), e.getAfter()).forEach(c -> parts.add(line(c)));
        return String.join(text("audit.change.separator"), parts);
    }

    private String field(String name) {
        return label("audit.field." + name).orElse(name);
    }

    private String value(String field, JsonNode v) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return text("audit.change.empty");
        }
        // a record's toString gives its booleans as the words true and false
        if (v.isBoolean() || (v.isTextual() && v.asText().matches("true|false"))) {
            return text(v.asBoolean() || "true".equals(v.asText()) ? "audit.value.yes" : "audit.value.no");
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(value(field, x)));
            return items.isEmpty() ? text("audit.change.empty") : String.join(text("audit.change.list"), items);
        }
        if (v.isObject()) {
            List<String> items = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getValue().isNull()) {
                    items.add(text("audit.change.set", field(f.getKey()), value(f.getKey(), f.getValue())));
                }
            }
            return String.join(text("audit.change.separator"), items);
        }
        String s = v.asText();
        for (String prefix : field == null ? List.<String>of() : VALUE_PREFIXES.getOrDefault(field, List.of())) {
            Optional<String> l = label(prefix + s);
            if (l.isPresent()) {
                return l.get();
            }
        }
        return s;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        if (array != null) {
            array.forEach(list::add);
        }
        return list;
    }

    /** JSON, a record's toString as an object of its fields, or the text itself. */
    static JsonNode parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readTree(t);
            } catch (java.io.IOException notJson) {
                // shown as text below
            }
        }
        Matcher m = RECORD.matcher(t);
        if (m.matches()) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            for (String part : splitTopLevel(m.group(1))) {
                Matcher f = RECORD_FIELD.matcher(part);
                if (!f.matches()) {
                    return new TextNode(t);
                }
                String value = f.group(2);
                if ("null".equals(value)) {
                    fields.putNull(f.group(1));
                } else if (value.startsWith("[") && value.endsWith("]") && !RECORD.matcher(value).matches()) {
                    ArrayNode items = fields.putArray(f.group(1));
                    splitTopLevel(value.substring(1, value.length() - 1)).forEach(items::add);
                } else {
                    fields.put(f.group(1), value);
                }
            }
            return fields;
        }
        return new TextNode(t);
    }

    /** Splits at ", " outside brackets: {@code a=1, b=[x, y]} gives two parts. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            } else if (depth == 0 && c == ',' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                parts.add(s.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        if (start < s.length()) {
            parts.add(s.substring(start));
        }
        return parts;
    }

    private String text(String key, Object... args) {
        String pattern = label(key).orElse(key);
        return args.length == 0 ? pattern : java.text.MessageFormat.format(pattern, args);
    }

    private Optional<String> label(String key) {
        return known.computeIfAbsent(key, k -> {
            String t = translate.apply(k);
            return t == null || t.isEmpty() || t.startsWith("!") ? Optional.empty() : Optional.of(t);
        });
    }
}
