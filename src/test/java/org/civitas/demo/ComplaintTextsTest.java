package org.civitas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The demo's complaint texts: every item of the list has its own phrases, the same stream gives the same text, every
 * slot is filled, and no phrase is copied from the classifier's evaluation set (DD050: kept apart from every
 * training input).
 */
class ComplaintTextsTest {

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = ComplaintTextsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void every_item_has_phrases_and_the_same_stream_gives_the_same_filled_text() throws IOException {
        ComplaintTexts texts = ComplaintTexts.load();
        for (String line : lines("/reference/negative-list.csv")) {
            String[] f = line.split(",", -1);
            for (int seed = 0; seed < 30; seed++) {
                String a = texts.description(new Random(seed), f[0], f[2], "中山大道 88 号");
                assertThat(a).isEqualTo(texts.description(new Random(seed), f[0], f[2], "中山大道 88 号"))
                        .doesNotContain("{").doesNotContain("}").isNotBlank();
                assertThat(a).as("a phrase of its own for %s", f[0]).isNotEqualTo(f[2] + "，请尽快处理");
            }
        }
        long phrases = lines("/demo/complaints.csv").size();
        assertThat(phrases).isGreaterThanOrEqualTo(4 * 100);
    }

    @Test
    void no_phrase_of_the_demo_is_copied_from_the_evaluation_set() throws IOException {
        List<String> evaluation = new ArrayList<>();
        lines("/classify/evaluation.csv").forEach(l -> evaluation.add(l.split(",", 2)[1]));
        lines("/classify/evaluation-more.csv").forEach(l -> evaluation.add(l.split(",", 4)[3]));
        List<String> copied = new ArrayList<>();
        for (String line : lines("/demo/complaints.csv")) {
            for (String part : line.split(",", 2)[1].split("[，。！？、]")) {
                if (part.length() >= 5 && evaluation.stream().anyMatch(e -> e.contains(part))) {
                    copied.add(part);
                }
            }
        }
        assertThat(copied).isEmpty();
    }
}
