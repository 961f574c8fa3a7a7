package org.civitas.cases.ui.inbox;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;

/**
 * The inbox filter in the address bar, so other pages link to a filtered inbox
 * ({@code cases?overdue=true&unit=D05&status=DISPATCHED,IN_PROGRESS}) and a reload keeps it. Unknown values are
 * ignored, a keyword the search would refuse too. The complainant's phone never goes into an address: addresses end
 * up in logs and browser history.
 */
final class InboxQuery {

    private InboxQuery() {
    }

    /** Without parameters the inbox shows the cases still open: the closed ones would come first by deadline. */
    static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(CaseStatus.FINAL));

    static CaseFilter parse(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        if (p.isEmpty()) {
            return CaseFilter.any().withStatuses(OPEN);
        }
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        p.getOrDefault("status", List.of()).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> parse(v, CaseStatus::valueOf)).filter(s -> s != null).forEach(statuses::add);
        return new CaseFilter(statuses, text(p, "category"), text(p, "item"), text(p, "unit"), text(p, "district"),
                text(p, "street"), parse(text(p, "channel"), Channel::valueOf), text(p, "urgency"),
                parse(text(p, "from"), LocalDate::parse), parse(text(p, "to"), LocalDate::parse),
                "true".equals(text(p, "overdue")), "true".equals(text(p, "dueSoon")), text(p, "number"), null,
                CaseFilter.validKeyword(text(p, "keyword")) ? text(p, "keyword") : null);
    }

    static QueryParameters of(CaseFilter f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            p.put("status", f.statuses().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        }
        put(p, "category", f.categoryCode());
        put(p, "item", f.itemCode());
        put(p, "unit", f.leadUnitCode());
        put(p, "district", f.districtCode());
        put(p, "street", f.streetCode());
        put(p, "channel", f.channel() == null ? null : f.channel().name());
        put(p, "urgency", f.urgency());
        put(p, "from", f.receivedFrom() == null ? null : f.receivedFrom().toString());
        put(p, "to", f.receivedTo() == null ? null : f.receivedTo().toString());
        put(p, "overdue", f.overdue() ? "true" : null);
        put(p, "dueSoon", f.dueSoon() ? "true" : null);
        put(p, "number", f.number());
        put(p, "keyword", f.keyword());
        return QueryParameters.simple(p);
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.trim());
        }
    }

    private static String text(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }
}
