package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tracking code: random, six characters, none that a reader takes for another. */
class TrackingCodeTest {

    @Test
    void a_code_is_six_characters_of_an_alphabet_without_0_O_1_I_L() {
        assertThat(TrackingCode.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = TrackingCode.random();
            assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
            codes.add(code);
            code.chars().forEach(c -> seen.add((char) c));
        }
        // 31^6 ≈ 887 million codes: 20,000 draws repeat one about 0.2 times on average
        assertThat(codes).hasSizeGreaterThan(19_990);
        assertThat(seen).hasSize(31);
    }

    @Test
    void a_typed_code_is_folded_like_a_number_and_compared_whole() {
        assertThat(TrackingCode.canonical(" k7p2xq\u3000")).isEqualTo("K7P2XQ");
        assertThat(TrackingCode.canonical("Ｋ７Ｐ２ＸＱ")).isEqualTo("K7P2XQ");
        assertThat(TrackingCode.canonical("K7P-2XQ")).isEqualTo("K7P2XQ");
        assertThat(TrackingCode.matches("K7P2XQ", "K7P2XQ")).isTrue();
        assertThat(TrackingCode.matches("K7P2XQ", "K7P2X")).isFalse();
        assertThat(TrackingCode.matches(null, "")).isFalse();
    }
}
