package org.civitas.cases.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.inbox.CaseRow;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.junit.jupiter.api.Test;

class InboxQueryTest {

    @Test
    void a_link_from_another_page_becomes_the_inbox_filter() {
        CaseFilter f = InboxQuery.parse(QueryParameters.fromString(
                "overdue=true&unit=D05&status=DISPATCHED,IN_PROGRESS&from=2026-03-01&channel=APP"));
        assertThat(f.overdue()).isTrue();
        assertThat(f.leadUnitCode()).isEqualTo("D05");
        assertThat(f.statuses()).containsExactlyInAnyOrder(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
        assertThat(f.receivedFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(f.channel()).isEqualTo(Channel.APP);
        assertThat(f.dueSoon()).isFalse();
    }

    @Test
    void the_inbox_opens_on_the_cases_still_open() {
        assertThat(InboxQuery.parse(QueryParameters.empty()).statuses()).containsExactlyInAnyOrder(
                CaseStatus.REGISTERED, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS, CaseStatus.RETURN_REQUESTED,
                CaseStatus.REPLIED);
    }

    @Test
    void unknown_values_are_ignored_and_the_phone_never_enters_an_address() {
        CaseFilter f = InboxQuery.parse(QueryParameters.fromString("status=NOPE&from=yesterday&phone=13812345678"));
        assertThat(f.statuses()).isEmpty();
        assertThat(f.receivedFrom()).isNull();
        assertThat(f.phone()).isNull();

        CaseFilter withPhone = new CaseFilter(Set.of(), null, null, null, null, null, null, null, null, null, false,
                false, null, "13812345678");
        assertThat(InboxQuery.of(withPhone).getQueryString()).isEmpty();
    }

    @Test
    void a_filter_survives_the_round_trip_through_the_address() {
        CaseFilter f = new CaseFilter(EnumSet.of(CaseStatus.REPLIED, CaseStatus.DISPATCHED), "SR", "SR-02", "D05",
                "D05", "S0501", Channel.WECHAT, "NORMAL", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15), true,
                true, "WM202603020001", null);
        assertThat(InboxQuery.parse(InboxQuery.of(f))).isEqualTo(f);
        assertThat(InboxQuery.parse(InboxQuery.of(f.withKeyword("占道 经营")))).isEqualTo(f.withKeyword("占道 经营"));
    }

    @Test
    void a_keyword_the_search_would_refuse_is_left_out_of_a_link() {
        assertThat(InboxQuery.parse(QueryParameters.fromString("keyword=%E5%99%AA")).keyword()).isNull();
        assertThat(InboxQuery.parse(QueryParameters.fromString("keyword=%E5%99%AA%E9%9F%B3")).keyword())
                .isEqualTo("噪音");
    }

    @Test
    void time_left_is_told_in_the_largest_whole_unit_and_overdue_in_red() {
        LocalDateTime now = LocalDateTime.of(2026, 3, 2, 9, 0);
        assertThat(InboxTimeLeft.of(row(CaseStatus.DISPATCHED, now.plusHours(2).plusMinutes(59)), now))
                .contains(new InboxTimeLeft(false, "hours", 2));
        assertThat(InboxTimeLeft.of(row(CaseStatus.IN_PROGRESS, now.minusDays(1).minusHours(3)), now).orElseThrow()
                .key()).isEqualTo("inbox.overdueBy.days");
        assertThat(InboxTimeLeft.of(row(CaseStatus.IN_PROGRESS, now.plusSeconds(20)), now))
                .contains(new InboxTimeLeft(false, "minutes", 1));
        assertThat(InboxTimeLeft.of(row(CaseStatus.REPLIED, now.minusDays(3)), now)).isEmpty();
    }

    private static CaseRow row(CaseStatus status, LocalDateTime due) {
        return new CaseRow(1, "WM1", status, Channel.APP, due.minusDays(1), "SR", "SR-01", "NORMAL", "D05", null,
                "a", "D05", null, due, due, due, null, 0);
    }
}
