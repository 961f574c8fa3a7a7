package org.civitas.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial naive Bayes with a complement term over {@link Features} (DD050). An item's score for a text is the sum,
 * over the text's features, of the log of the feature's smoothed frequency in the item's examples <em>minus</em> the
 * log of its frequency in all other items' examples (naive Bayes plus complement naive Bayes): a feature common to
 * every item then weighs nothing, and an item with few examples is not drowned by its larger smoothing. Each
 * training text weighs at most {@link #LENGTH} features' worth, so a long letter does not outweigh twenty short
 * messages. Priors are uniform. Scores in [0, 1] are a softmax of the item scores divided by T·√n (n = the text's
 * known features; T the temperature fitted on held-out cases, {@link ModelTrainer}), because overlapping n-grams are
 * not independent evidence.
 * <p>
 * Trained by counting ({@link Counter}): the same examples in any order give the same model and the same bytes
 * (weights are multiples of 1/64, whose sums are exact in any order).
 */
final class NaiveBayes {

    static final double ALPHA = 0.1;
    /**
     * With many examples, features seen with less total weight are dropped: they are mostly one case's typing, and
     * they cost memory. Below {@link #PRUNE_FROM} examples every feature stays, so that one correction teaches.
     */
    static final double MIN_WEIGHT = 2;
    static final int PRUNE_FROM = 20_000;
    /** A training text of more features than this weighs as this many. */
    static final int LENGTH = 20;
    private static final double QUANTUM = 64;
    /** The temperature of a model trained without held-out cases to fit one on (ModelTrainer). */
    static final double DEFAULT_TEMPERATURE = 1.0;
    private static final int MAGIC_V1 = 0x4E42_0001;
    private static final int MAGIC = 0x4E42_0002;

    /** One training text and the item a person or the list gave it. */
    record Example(String label, String text, double weight) {
    }

    /** An item's score and the features that weighed most for it. */
    record Scored(String label, double score, List<String> words) {
    }

    /** Per feature, the labels it was seen with and how much. */
    private record Posting(int[] labels, float[] weights, double total) {
    }

    private final String[] labels;
    private final Map<String, Integer> index;
    private final double[] totals;
    private final Map<String, Posting> postings;
    private final double grandTotal;
    private final double temperature;
    /** Read from an earlier kind of model (features and scores of DD050's first version): to be retrained. */
    private final boolean outdated;

    private NaiveBayes(String[] labels, double[] totals, Map<String, Posting> postings, double temperature,
                       boolean outdated) {
        this.labels = labels;
        this.totals = totals;
        this.postings = postings;
        this.temperature = temperature;
        this.outdated = outdated;
        this.index = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        double g = 0;
        for (double t : totals) {
            g += t;
        }
        this.grandTotal = g;
    }

    /** Counts examples; {@link #build} makes a model of what was counted so far, and counting may go on after. */
    static final class Counter {

        /** The weights of one feature by label, in the order the labels were first seen. */
        private static final class Weights {
            int[] labels = new int[2];
            double[] weights = new double[2];
            int n;

            void add(int label, double w) {
                for (int i = 0; i < n; i++) {
                    if (labels[i] == label) {
                        weights[i] += w;
                        return;
                    }
                }
                if (n == labels.length) {
                    labels = Arrays.copyOf(labels, n * 2);
                    weights = Arrays.copyOf(weights, n * 2);
                }
                labels[n] = label;
                weights[n++] = w;
            }
        }

        private final Map<String, Integer> seen = new HashMap<>();
        private final List<String> labels = new ArrayList<>();
        private final Map<String, Weights> counts = new HashMap<>();
        private long examples;

        Counter add(Example e) {
            int l = seen.computeIfAbsent(e.label(), k -> {
                labels.add(k);
                return labels.size() - 1;
            });
            List<String> features = Features.of(e.text());
            double w = Math.round(e.weight() * Math.min(1.0, (double) LENGTH / Math.max(1, features.size()))
                    * QUANTUM) / QUANTUM;
            if (w <= 0) {
                w = 1 / QUANTUM;
            }
            for (String f : features) {
                counts.computeIfAbsent(f, k -> new Weights()).add(l, w);
            }
            examples++;
            return this;
        }

        long examples() {
            return examples;
        }

        NaiveBayes build(double temperature) {
            String[] sorted = new TreeSet<>(labels).toArray(String[]::new);
            int[] remap = new int[labels.size()];
            for (int i = 0; i < remap.length; i++) {
                remap[i] = Arrays.binarySearch(sorted, labels.get(i));
            }
            double[] totals = new double[sorted.length];
            Map<String, Posting> postings = new HashMap<>(counts.size() * 2);
            // in feature order, so that the sums, and the model, do not depend on hashing
            for (String f : new TreeSet<>(counts.keySet())) {
                Weights w = counts.get(f);
                double sum = 0;
                for (int i = 0; i < w.n; i++) {
                    sum += w.weights[i];
                }
                if (examples >= PRUNE_FROM && sum < MIN_WEIGHT) {
                    continue;
                }
                // by label index; fewer than 4,096 labels (a list has about a hundred items)
                int[] order = new int[w.n];
                for (int i = 0; i < w.n; i++) {
                    order[i] = remap[w.labels[i]] << 12 | i;
                }
                Arrays.sort(order);
                int[] ls = new int[w.n];
                float[] ws = new float[w.n];
                double total = 0;
                for (int k = 0; k < w.n; k++) {
                    int i = order[k] & 0xFFF;
                    ls[k] = order[k] >>> 12;
                    ws[k] = (float) w.weights[i];
                    totals[ls[k]] += ws[k];
                    total += ws[k];
                }
                postings.put(f, new Posting(ls, ws, total));
            }
            return new NaiveBayes(sorted, totals, postings, temperature, false);
        }
    }

    static NaiveBayes train(Collection<Example> examples) {
        Counter counter = new Counter();
        examples.forEach(counter::add);
        return counter.build(DEFAULT_TEMPERATURE);
    }

    int labelCount() {
        return labels.length;
    }

    int featureCount() {
        return postings.size();
    }

    double temperature() {
        return temperature;
    }

    boolean outdated() {
        return outdated;
    }

    /** The same counts scored at another temperature. */
    NaiveBayes withTemperature(double t) {
        return new NaiveBayes(labels, totals, postings, t, outdated);
    }

    /**
     * The allowed labels by score, best first (ties by label); a label the model never saw scores as an empty item.
     * At most {@code limit} entries, each with up to three deciding words.
     */
    List<Scored> score(String text, Set<String> allowed, int limit) {
        Map<String, Integer> tf = new TreeMap<>();
        int n = 0;
        for (String f : Features.of(text)) {
            if (postings.containsKey(f)) {
                tf.merge(f, 1, Integer::sum);
                n++;
            }
        }
        List<String> allowedLabels = new ArrayList<>(new TreeSet<>(allowed));
        double[] log = logScores(tf, n, allowedLabels);
        double max = Double.NEGATIVE_INFINITY;
        for (double x : log) {
            max = Math.max(max, x);
        }
        double temper = temperature * Math.sqrt(Math.max(1, n));
        double norm = 0;
        double[] p = new double[log.length];
        for (int a = 0; a < log.length; a++) {
            p[a] = Math.exp((log[a] - max) / temper);
            norm += p[a];
        }
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < log.length; a++) {
            order.add(a);
        }
        order.sort(Comparator.<Integer>comparingDouble(a -> -log[a]).thenComparing(allowedLabels::get));
        List<Scored> out = new ArrayList<>();
        for (int a : order.subList(0, Math.min(limit, order.size()))) {
            Integer l = index.get(allowedLabels.get(a));
            out.add(new Scored(allowedLabels.get(a), n == 0 ? 0 : p[a] / norm,
                    l == null ? List.of() : deciding(text, tf, l)));
        }
        return out;
    }

    /**
     * The temperature that makes the scores of the labelled texts most likely (their true label's score), from 0.05
     * to 20 on a log scale: the scores of held-out cases then mean what they say, as well as those cases tell.
     */
    double fitTemperature(List<String> texts, List<String> truth, Set<String> allowed) {
        List<String> allowedLabels = new ArrayList<>(new TreeSet<>(allowed));
        List<double[]> logs = new ArrayList<>();
        List<Integer> rights = new ArrayList<>();
        List<Integer> ns = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            int right = allowedLabels.indexOf(truth.get(k));
            Map<String, Integer> tf = new TreeMap<>();
            int n = 0;
            for (String f : Features.of(texts.get(k))) {
                if (postings.containsKey(f)) {
                    tf.merge(f, 1, Integer::sum);
                    n++;
                }
            }
            if (right < 0 || n == 0) {
                continue;
            }
            logs.add(logScores(tf, n, allowedLabels));
            rights.add(right);
            ns.add(n);
        }
        if (logs.isEmpty()) {
            return DEFAULT_TEMPERATURE;
        }
        double best = DEFAULT_TEMPERATURE;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= 60; step++) {
            double t = 0.05 * Math.pow(400, step / 60.0);
            double likelihood = 0;
            for (int k = 0; k < logs.size(); k++) {
                double[] log = logs.get(k);
                double temper = t * Math.sqrt(ns.get(k));
                double max = Double.NEGATIVE_INFINITY;
                for (double x : log) {
                    max = Math.max(max, x);
                }
                double norm = 0;
                for (double x : log) {
                    norm += Math.exp((x - max) / temper);
                }
                likelihood += (log[rights.get(k)] - max) / temper - Math.log(norm);
            }
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = t;
            }
        }
        return Math.round(best * 1000) / 1000.0;
    }

    /**
     * Σ tf · [log P(f | item) − log P(f | other items)], computed from each feature's posting only: the part every
     * label shares (the feature unseen with it) once, then the correction for the labels the feature was seen with.
     */
    private double[] logScores(Map<String, Integer> tf, int n, List<String> allowedLabels) {
        double vocab = postings.size();
        double shared = 0;
        double[] seen = new double[labels.length];
        for (Map.Entry<String, Integer> f : tf.entrySet()) {
            Posting p = postings.get(f.getKey());
            int c = f.getValue();
            double unseen = Math.log(ALPHA) - Math.log(p.total() + ALPHA);
            shared += c * unseen;
            for (int i = 0; i < p.labels().length; i++) {
                double w = p.weights()[i];
                seen[p.labels()[i]] += c * (Math.log(w + ALPHA) - Math.log(p.total() - w + ALPHA) - unseen);
            }
        }
        double[] log = new double[allowedLabels.size()];
        for (int a = 0; a < log.length; a++) {
            Integer l = index.get(allowedLabels.get(a));
            double total = l == null ? 0 : totals[l];
            log[a] = shared + (l == null ? 0 : seen[l])
                    + n * (Math.log(grandTotal - total + ALPHA * vocab) - Math.log(total + ALPHA * vocab));
        }
        return log;
    }

    /**
     * The words of the text that speak most for the label against all the others: the features with the largest
     * log-ratio of their smoothed frequencies (times their count in the text), joined where they overlap in the text,
     * so that 烧烤 and 烤摊 read as 烧烤摊.
     */
    private List<String> deciding(String text, Map<String, Integer> tf, int l) {
        double vocab = postings.size();
        double rest = grandTotal - totals[l];
        Map<String, Double> gain = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> f : tf.entrySet()) {
            Posting p = postings.get(f.getKey());
            double in = (weight(p, l) + ALPHA) / (totals[l] + ALPHA * vocab);
            double out = (p.total() - weight(p, l) + ALPHA) / (rest + ALPHA * vocab);
            double g = f.getValue() * Math.log(in / out);
            String shown = f.getKey();
            if (g > 0 && shown.codePointCount(0, shown.length()) >= 2) {
                gain.merge(shown, g, Math::max);
            }
        }
        double strongest = gain.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        // only grams that weigh at least 0.3 of the best: weaker ones (口的, 天天) would join the shown
        // words into fragments of the sentence
        List<Map.Entry<String, Double>> best = gain.entrySet().stream()
                .filter(e -> e.getValue() >= 0.3 * strongest)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(6).toList();
        String s = Features.normalise(text);
        double[] mark = new double[s.length()];
        for (Map.Entry<String, Double> b : best) {
            for (int at = s.indexOf(b.getKey()); at >= 0; at = s.indexOf(b.getKey(), at + 1)) {
                for (int i = at; i < at + b.getKey().length(); i++) {
                    mark[i] = Math.max(mark[i], b.getValue());
                }
            }
        }
        Map<String, Double> spans = new LinkedHashMap<>();
        for (int i = 0; i < s.length(); ) {
            if (mark[i] == 0) {
                i++;
                continue;
            }
            int j = i;
            double top = 0;
            while (j < s.length() && mark[j] > 0) {
                top = Math.max(top, mark[j++]);
            }
            spans.merge(s.substring(i, j), top, Math::max);
            i = j;
        }
        return spans.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    private static double weight(Posting p, Integer label) {
        if (label == null) {
            return 0;
        }
        for (int i = 0; i < p.labels().length; i++) {
            if (p.labels()[i] == label) {
                return p.weights()[i];
            }
        }
        return 0;
    }

    // --- storage: a gzip of the counts, features in sorted order, so equal models are equal bytes --------------------

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeDouble(temperature);
            out.writeInt(labels.length);
            for (String l : labels) {
                out.writeUTF(l);
            }
            out.writeInt(postings.size());
            for (Map.Entry<String, Posting> e : new TreeMap<>(postings).entrySet()) {
                out.writeUTF(e.getKey());
                Posting p = e.getValue();
                out.writeInt(p.labels().length);
                for (int i = 0; i < p.labels().length; i++) {
                    out.writeInt(p.labels()[i]);
                    out.writeFloat(p.weights()[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static NaiveBayes fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_V1) {
                throw new IllegalArgumentException("not a classifier model");
            }
            double temperature = magic == MAGIC ? in.readDouble() : DEFAULT_TEMPERATURE;
            String[] labels = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            double[] totals = new double[labels.length];
            int n = in.readInt();
            Map<String, Posting> postings = new HashMap<>(n * 2);
            for (int k = 0; k < n; k++) {
                String f = in.readUTF();
                int m = in.readInt();
                int[] ls = new int[m];
                float[] ws = new float[m];
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    ls[i] = in.readInt();
                    ws[i] = in.readFloat();
                    totals[ls[i]] += ws[i];
                    sum += ws[i];
                }
                postings.put(f, new Posting(ls, ws, sum));
            }
            return new NaiveBayes(labels, totals, postings, temperature, magic != MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
