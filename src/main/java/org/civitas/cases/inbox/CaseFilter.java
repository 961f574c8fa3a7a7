package org.civitas.cases.inbox;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;

/**
 * The inbox filters (诉求工单). Null or empty means "any". The keyword is words of the description or address: stripped
 * (blank is null), words separated by spaces must all occur (see {@link #keywordTerms()}).
 */
public record CaseFilter(Set<CaseStatus> statuses, String categoryCode, String itemCode, String leadUnitCode,
                         String districtCode, String streetCode, Channel channel, String urgency,
                         LocalDate receivedFrom, LocalDate receivedTo, boolean overdue, boolean dueSoon,
                         String number, String phone, String keyword) {

    /** Fewer characters per word match too much (and a bigram index cannot narrow one character). */
    public static final int KEYWORD_MIN = 2;
    public static final int KEYWORD_MAX = 50;

    public CaseFilter {
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
    }

    /** The filters without a keyword, as before there was one. */
    public CaseFilter(Set<CaseStatus> statuses, String categoryCode, String itemCode, String leadUnitCode,
                      String districtCode, String streetCode, Channel channel, String urgency,
                      LocalDate receivedFrom, LocalDate receivedTo, boolean overdue, boolean dueSoon,
                      String number, String phone) {
        this(statuses, categoryCode, itemCode, leadUnitCode, districtCode, streetCode, channel, urgency, receivedFrom,
                receivedTo, overdue, dueSoon, number, phone, null);
    }

    public static CaseFilter any() {
        return new CaseFilter(Set.of(), null, null, null, null, null, null, null, null, null, false, false, null,
                null, null);
    }

    public CaseFilter withStatuses(Set<CaseStatus> s) {
        return new CaseFilter(s, categoryCode, itemCode, leadUnitCode, districtCode, streetCode, channel, urgency,
                receivedFrom, receivedTo, overdue, dueSoon, number, phone, keyword);
    }

    public CaseFilter withLeadUnit(String unit) {
        return new CaseFilter(statuses, categoryCode, itemCode, unit, districtCode, streetCode, channel, urgency,
                receivedFrom, receivedTo, overdue, dueSoon, number, phone, keyword);
    }

    /** Only the cases whose unit is past its deadline. */
    public CaseFilter withOverdue() {
        return new CaseFilter(statuses, categoryCode, itemCode, leadUnitCode, districtCode, streetCode, channel,
                urgency, receivedFrom, receivedTo, true, dueSoon, number, phone, keyword);
    }

    /** Only the cases received on {@code day}. */
    public CaseFilter receivedOn(LocalDate day) {
        return new CaseFilter(statuses, categoryCode, itemCode, leadUnitCode, districtCode, streetCode, channel,
                urgency, day, day, overdue, dueSoon, number, phone, keyword);
    }

    public CaseFilter withKeyword(String k) {
        return new CaseFilter(statuses, categoryCode, itemCode, leadUnitCode, districtCode, streetCode, channel,
                urgency, receivedFrom, receivedTo, overdue, dueSoon, number, phone, k);
    }

    /** The words of the keyword (split at any space, the full-width 　 too); empty without a keyword. */
    public List<String> keywordTerms() {
        return keyword == null ? List.of() : Arrays.asList(keyword.split("\\p{javaWhitespace}+"));
    }

    /**
     * A keyword the inbox accepts: none, or at most {@value #KEYWORD_MAX} characters whose every word has at least
     * {@value #KEYWORD_MIN}. The inbox refuses any other with {@code inbox.error.keyword}.
     */
    public static boolean validKeyword(String keyword) {
        CaseFilter f = any().withKeyword(keyword);
        return f.keyword() == null || (f.keyword().codePointCount(0, f.keyword().length()) <= KEYWORD_MAX
                && f.keywordTerms().stream().allMatch(t -> t.codePointCount(0, t.length()) >= KEYWORD_MIN));
    }
}
