package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every spelling of one case number is one number; anything else is none. */
class CaseNumberTest {

    static final String N = "WM202612080063";

    @Test
    void full_width_zero_width_no_break_ideographic_space_lower_case_and_dashes_fold_to_the_number() {
        for (String typed : new String[] {N, "ＷＭ２０２６１２０８００６３", "WM2026\u200B12080063", N + "\u00A0",
                N + "\u3000", "wm202612080063", " WM-20261208-0063 ", "\uFEFF" + N + "\u2060", "ｗｍ２０２６１２０８００６３\u3000"}) {
            assertThat(CaseNumber.canonical(typed)).as(typed).contains(N);
        }
        assertThat(CaseNumber.canonical("WM2026120800631")).contains("WM2026120800631");
    }

    @Test
    void what_does_not_match_the_pattern_is_no_number() {
        for (String typed : new String[] {null, "", "WM", "WM2026120800", "XX202612080063", "WM20261208006X",
                "WM202612080063" + "0".repeat(20), "工单WM202612080063号X"}) {
            assertThat(CaseNumber.canonical(typed)).as(String.valueOf(typed)).isEmpty();
        }
    }
}
