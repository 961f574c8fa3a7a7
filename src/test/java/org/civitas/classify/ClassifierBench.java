package org.civitas.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The classifier's measures (docs/benchmarks.md), with no database: retraining on a million demo cases, generated in
 * memory as they are read (the generation is timed alone too, and subtracted), and a suggestion among the list's 100
 * items from the model so trained. Not part of the suite (a *Bench class): {@code ./mvnw -Pbench test} or
 * {@code -Dtest=ClassifierBench}; {@code BENCH_CLASSIFY_CASES} sets the number of cases. Reading the cases from the
 * database is not in these figures.
 */
class ClassifierBench {

    static final int CASES = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLASSIFY_CASES", "1000000"));

    @Test
    void retraining_on_a_million_cases_and_a_suggestion_among_100_items() throws IOException {
        List<ClassifierEvaluationTest.Item> items = ClassifierEvaluationTest.list();
        Set<String> codes = new TreeSet<>();
        items.forEach(i -> codes.add(i.code()));
        List<NaiveBayes.Example> list = ClassifierEvaluationTest.listExamples(items,
                ClassifierEvaluationTest.keywords());
        List<TrainingData.LabelledCase> cases = ClassifierEvaluationTest.demoCases(items, CASES, 20261128L);
        // warm-up: the JIT compiles the counting on a small run first
        ModelTrainer.fit(list, ClassifierEvaluationTest.demoCases(items, 50_000, 7L), codes);

        long g0 = System.nanoTime();
        long chars = 0;
        for (TrainingData.LabelledCase c : cases) {
            chars += c.text().length();
        }
        double generation = (System.nanoTime() - g0) / 1e9;

        System.gc();
        long t0 = System.nanoTime();
        ModelTrainer.Fit fit = ModelTrainer.fit(list, cases, codes);
        double total = (System.nanoTime() - t0) / 1e9;
        byte[] bytes = fit.model().toBytes();
        double serialised = (System.nanoTime() - t0) / 1e9 - total;
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1 << 20);

        List<ClassifierEvaluationTest.Case> set = ClassifierEvaluationTest.evaluation();
        for (int i = 0; i < 2_000; i++) {
            fit.model().score(set.get(i % set.size()).text(), codes, 3);
        }
        double[] millis = new double[5 * set.size()];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            fit.model().score(set.get(i % set.size()).text(), codes, 3);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);

        String report = String.format("""
                Retraining on %,d demo cases (%,.0f characters on average) and the list, on %d cores: %.1f s in all,
                of which %.1f s generating the texts (timed alone), so %.1f s counting, holding out %,d, fitting the
                temperature (%.3f, held-out accuracy %.1f %%) and building the model; %,d features, %,d bytes
                serialised in %.1f s; heap in use after %,d MB.
                A suggestion among %d items with this model (%,d suggestions of the evaluation set's texts, one thread,
                warm): p50 %.2f ms, p95 %.2f ms, max %.2f ms.
                """, CASES, (double) chars / CASES, rt.availableProcessors(), total, generation, total - generation,
                fit.heldOut(), fit.model().temperature(), 100 * fit.accuracy(), fit.model().featureCount(),
                bytes.length, serialised, usedMb, codes.size(), millis.length, millis[millis.length / 2],
                millis[(int) (millis.length * 0.95)], millis[millis.length - 1]);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/classify-bench.txt"), report);
        System.out.print(report);

        assertThat(total - generation).isLessThan(60);
        assertThat(millis[(int) (millis.length * 0.95)]).isLessThan(20);
    }
}
