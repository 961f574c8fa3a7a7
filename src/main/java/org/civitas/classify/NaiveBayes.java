package org.civitas.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * Multinomial naive Bayes over {@link Features} with Laplace-style smoothing and a uniform prior (DD050). Trained from
 * weighted examples; the same examples in any order give the same model and the same bytes. Scores are the posterior
 * tempered by √n (n = the text's feature count), because overlapping n-grams are not independent evidence and the
 * untempered posterior is nearly always 0.99.
 */
final class NaiveBayes {

    static final double ALPHA = 0.1;
    /**
     * With many examples, features seen with less total weight are dropped: they are mostly one case's typing, and
     * they cost memory. Below {@link #PRUNE_FROM} examples every feature stays, so that one correction teaches.
     */
    static final double MIN_WEIGHT = 2;
    static final int PRUNE_FROM = 20_000;
    private static final int MAGIC = 0x4E42_0001;

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
    private final double[] totals;
    private final Map<String, Posting> postings;
    private final double grandTotal;

    private NaiveBayes(String[] labels, double[] totals, Map<String, Posting> postings) {
        this.labels = labels;
        this.totals = totals;
        this.postings = postings;
        double g = 0;
        for (double t : totals) {
            g += t;
        }
        this.grandTotal = g;
    }

    static NaiveBayes train(Collection<Example> examples) {
        TreeSet<String> labelSet = new TreeSet<>();
        examples.forEach(e -> labelSet.add(e.label()));
        String[] labels = labelSet.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        Map<String, double[]> counts = new HashMap<>();
        for (Example e : examples) {
            int l = index.get(e.label());
            for (String f : Features.of(e.text())) {
                counts.computeIfAbsent(f, k -> new double[labels.length])[l] += e.weight();
            }
        }
        double[] totals = new double[labels.length];
        Map<String, Posting> postings = new HashMap<>();
        // in feature order, so that the float sums, and the model, do not depend on hashing
        for (Map.Entry<String, double[]> c : new TreeMap<>(counts).entrySet()) {
            double[] w = c.getValue();
            double sum = 0;
            int nonZero = 0;
            for (double x : w) {
                sum += x;
                nonZero += x > 0 ? 1 : 0;
            }
            if (examples.size() >= PRUNE_FROM && sum < MIN_WEIGHT) {
                continue;
            }
            int[] ls = new int[nonZero];
            float[] ws = new float[nonZero];
            int k = 0;
            for (int i = 0; i < w.length; i++) {
                if (w[i] > 0) {
                    ls[k] = i;
                    ws[k++] = (float) w[i];
                    totals[i] += (float) w[i];
                }
            }
            postings.put(c.getKey(), new Posting(ls, ws, sum));
        }
        return new NaiveBayes(labels, totals, postings);
    }

    int labelCount() {
        return labels.length;
    }

    int featureCount() {
        return postings.size();
    }

    /**
     * The allowed labels by score, best first (ties by label); a label the model never saw scores as an empty item.
     * At most {@code limit} entries, each with up to three deciding words.
     */
    List<Scored> score(String text, Set<String> allowed, int limit) {
        List<String> features = Features.of(text).stream().filter(postings::containsKey).toList();
        Map<String, Integer> tf = new TreeMap<>();
        features.forEach(f -> tf.merge(f, 1, Integer::sum));
        List<String> allowedLabels = new ArrayList<>(new TreeSet<>(allowed));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        double vocab = postings.size();
        double[] log = new double[allowedLabels.size()];
        for (int a = 0; a < allowedLabels.size(); a++) {
            Integer l = index.get(allowedLabels.get(a));
            double total = l == null ? 0 : totals[l];
            double sum = 0;
            for (Map.Entry<String, Integer> f : tf.entrySet()) {
                sum += f.getValue() * Math.log((weight(postings.get(f.getKey()), l) + ALPHA) / (total + ALPHA * vocab));
            }
            log[a] = sum;
        }
        double temper = Math.sqrt(Math.max(1, features.size()));
        double max = Double.NEGATIVE_INFINITY;
        for (double x : log) {
            max = Math.max(max, x);
        }
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
            out.add(new Scored(allowedLabels.get(a), features.isEmpty() ? 0 : p[a] / norm,
                    l == null ? List.of() : deciding(text, tf, l)));
        }
        return out;
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
            String shown = Features.display(f.getKey());
            if (g > 0 && shown.codePointCount(0, shown.length()) >= 2) {
                gain.merge(shown, g, Math::max);
            }
        }
        List<Map.Entry<String, Double>> best = gain.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).toList();
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
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a classifier model");
            }
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
            return new NaiveBayes(labels, totals, postings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
