package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.civitas.classify.NaiveBayes.Example;
import org.junit.jupiter.api.Test;

/** The model on a small fixed training set: its answers, its determinism, what a correction and a retirement do. */
class NaiveBayesTest {

    static final List<Example> TRAINING = List.of(
            new Example("HJ-01", "餐饮油烟扰民", 3),
            new Example("HJ-01", "餐饮油烟未经净化直排扰民", 2),
            new Example("HJ-01", "烧烤摊", 3),
            new Example("HJ-01", "露天烧烤", 3),
            new Example("HJ-02", "露天焚烧", 3),
            new Example("HJ-02", "露天焚烧垃圾、秸秆、落叶", 2),
            new Example("SR-04", "占道经营", 3),
            new Example("SR-04", "沿街商户出店经营、流动摊贩占道经营", 2),
            new Example("SR-04", "摆摊", 3),
            new Example("SS-01", "井盖缺失破损", 3),
            new Example("SS-01", "检查井盖缺失、破损、移位", 2),
            new Example("GX-03", "广场舞扰民", 3),
            new Example("GX-03", "广场舞、露天娱乐活动音响过大扰民", 2));
    static final Set<String> ALL = Set.of("HJ-01", "HJ-02", "SR-04", "SS-01", "GX-03");

    @Test
    void the_barbecue_smoke_is_the_cooking_fumes_item_with_its_deciding_words() {
        NaiveBayes model = NaiveBayes.train(TRAINING);

        List<NaiveBayes.Scored> top = model.score("楼下烧烤摊天天晚上烟熏火燎的", ALL, 3);

        assertThat(top).extracting(NaiveBayes.Scored::label).first().isEqualTo("HJ-01");
        assertThat(top.get(0).words()).contains("烧烤摊");
        assertThat(top.get(0).score()).isGreaterThan(top.get(1).score());
        assertThat(top).hasSize(3);
        assertThat(top.stream().mapToDouble(NaiveBayes.Scored::score).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void the_same_examples_in_any_order_give_the_same_model_bytes_and_answers() {
        List<Example> shuffled = new ArrayList<>(TRAINING);
        Collections.shuffle(shuffled, new Random(7));

        NaiveBayes a = NaiveBayes.train(TRAINING);
        NaiveBayes b = NaiveBayes.train(shuffled);
        NaiveBayes c = NaiveBayes.fromBytes(a.toBytes());

        assertThat(b.toBytes()).isEqualTo(a.toBytes());
        for (String text : List.of("广场上大妈跳舞音响太吵", "路口井盖不见了", "门口有人摆摊卖菜")) {
            assertThat(b.score(text, ALL, 5)).isEqualTo(a.score(text, ALL, 5));
            assertThat(c.score(text, ALL, 5)).isEqualTo(a.score(text, ALL, 5));
        }
        assertThat(a.score("路口井盖不见了", ALL, 1).get(0).label()).isEqualTo("SS-01");
    }

    @Test
    void a_persons_correction_moves_the_text_to_the_chosen_item() {
        String text = "门口卖烤红薯的推车挡路";
        NaiveBayes before = NaiveBayes.train(TRAINING);
        assertThat(before.score(text, ALL, 1).get(0).label()).isNotEqualTo("SR-04");

        List<Example> corrected = new ArrayList<>(TRAINING);
        corrected.add(new Example("SR-04", "推车卖烤红薯挡着路", 1));
        NaiveBayes after = NaiveBayes.train(corrected);

        assertThat(after.score(text, ALL, 1).get(0).label()).isEqualTo("SR-04");
        assertThat(String.join(" ", after.score(text, ALL, 1).get(0).words())).contains("红薯");
    }

    @Test
    void an_item_outside_the_allowed_list_is_never_suggested_however_well_it_fits() {
        NaiveBayes model = NaiveBayes.train(TRAINING);
        Set<String> withoutBarbecue = Set.of("HJ-02", "SR-04", "SS-01", "GX-03");

        List<NaiveBayes.Scored> top = model.score("露天烧烤摊烧烤油烟", withoutBarbecue, 10);

        assertThat(top).extracting(NaiveBayes.Scored::label).doesNotContain("HJ-01").hasSize(4);
    }

    @Test
    void a_model_of_the_first_kind_still_reads_but_says_it_is_outdated() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            out.writeInt(0x4E42_0001);
            out.writeInt(1);
            out.writeUTF("SS-01");
            out.writeInt(1);
            out.writeUTF("井盖");
            out.writeInt(1);
            out.writeInt(0);
            out.writeFloat(3);
        }

        NaiveBayes old = NaiveBayes.fromBytes(bytes.toByteArray());

        assertThat(old.outdated()).isTrue();
        assertThat(NaiveBayes.fromBytes(NaiveBayes.train(TRAINING).toBytes()).outdated()).isFalse();
    }

    @Test
    void the_temperature_fitted_on_held_out_texts_is_stored_with_the_model() {
        NaiveBayes model = NaiveBayes.train(TRAINING);
        double t = model.fitTemperature(List.of("楼下烧烤摊油烟", "广场上跳舞音响太吵", "井盖不见了", "门口摆摊"),
                List.of("HJ-01", "GX-03", "SS-01", "SR-04"), ALL);

        NaiveBayes fitted = NaiveBayes.fromBytes(model.withTemperature(t).toBytes());

        assertThat(fitted.temperature()).isEqualTo(t);
        assertThat(t).isBetween(0.05, 20.0);
        assertThat(fitted.score("井盖不见了", ALL, 1).get(0).label()).isEqualTo("SS-01");
    }

    @Test
    void a_text_with_no_known_feature_scores_nothing() {
        NaiveBayes model = NaiveBayes.train(TRAINING);

        assertThat(model.score("12345", ALL, 3)).allSatisfy(s -> assertThat(s.score()).isZero());
    }
}
