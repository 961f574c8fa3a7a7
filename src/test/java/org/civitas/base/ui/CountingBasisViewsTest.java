package org.civitas.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/**
 * Every screen whose figures count differently from another's says how it counts, in one line under them: the
 * analysis and the rankings by the time cases were received, the home page's month likewise, the board and the queue
 * the cases open now.
 */
class CountingBasisViewsTest extends KaribuTest {

    @Test
    void the_analysis_counts_cases_received_in_the_half_month() {
        login("supervisor");
        navigate("analysis");
        assertThat(basis("analysis-basis")).startsWith("口径：该半月受理的工单（按受理时间），不含无效和合并工单");
    }

    @Test
    void the_rankings_and_the_assessment_count_cases_received_in_the_month_for_their_lead_unit() {
        login("leader");
        navigate("rankings");
        assertThat(basis("rankings-basis")).startsWith("口径：当月受理的工单（按受理时间）计入主责单位，不含无效和合并工单");
        navigate("assessment");
        assertThat(basis("assessment-basis")).contains("当月受理的工单", "不含无效和合并工单");
    }

    @Test
    void the_home_page_says_its_month_counts_received_cases_and_its_queue_the_open_ones() {
        login("supervisor");
        navigate("");
        assertThat(basis("overview-basis")).startsWith("口径：本月受理的工单（按受理时间），不含无效和合并工单");
        assertThat(basis("queue-basis")).startsWith("口径：此刻的在办工单");
    }

    @Test
    void the_deadline_board_counts_the_cases_open_now() {
        login("supervisor");
        navigate("board");
        assertThat(basis("board-basis")).isEqualTo("口径：此刻尚未答复的工单（已派单、办理中、申请退单），按办理时限实时统计。");
    }

    private static String basis(String id) {
        return _get(CountingBasis.class, spec -> spec.withId(id)).getText();
    }
}
