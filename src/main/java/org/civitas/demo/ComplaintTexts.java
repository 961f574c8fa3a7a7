package org.civitas.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Complaint texts as citizens write them, for demo cases (docs/decisions/DD050-classifier.md): a sentence frame (a
 * hotline summary, a short colloquial message or a letter) filled with one of the item's problem phrases, a place (the
 * case's address, a landmark or 楼下), a time, an effect and a request, now and then a second phrase of the same item or
 * a side remark about another item. Everything is in resources (demo/complaints.csv, complaint-frames.txt,
 * complaint-slots.txt, landmarks.txt), written from the list's item definitions and apart from the classifier's
 * evaluation set, so that a model trained on demo cases learns words rather than item names. The same random stream
 * gives the same text.
 */
public final class ComplaintTexts {

    private final Map<String, List<String>> problems;
    private final List<String> codes;
    private final List<String> frames;
    private final Map<String, List<String>> slots;
    private final List<String> landmarks;
    private final List<String> remarks;

    private ComplaintTexts(Map<String, List<String>> problems, List<String> frames, Map<String, List<String>> slots,
                           List<String> landmarks, List<String> remarks) {
        this.problems = problems;
        this.codes = List.copyOf(problems.keySet());
        this.frames = frames;
        this.slots = slots;
        this.landmarks = landmarks;
        this.remarks = remarks;
    }

    public static ComplaintTexts load() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (String line : lines("/demo/complaints.csv").stream().skip(1).toList()) {
            String[] f = line.split(",", 2);
            problems.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        Map<String, List<String>> slots = new TreeMap<>();
        for (String line : content("/demo/complaint-slots.txt")) {
            String[] f = line.split("\\|", 2);
            slots.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        return new ComplaintTexts(problems, content("/demo/complaint-frames.txt"), slots,
                lines("/demo/landmarks.txt"), lines("/demo/remarks.txt"));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ComplaintTexts.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static List<String> content(String resource) {
        return lines(resource).stream().filter(l -> !l.startsWith("#")).toList();
    }

    /**
     * A complaint about the item at the address. An item with no phrases of its own (one added to the list after the
     * demo texts were written) gets its name and a remark, as before.
     */
    public String description(Random r, String itemCode, String itemName, String address) {
        List<String> own = problems.get(itemCode);
        if (own == null) {
            return itemName + pick(r, remarks);
        }
        String frame = pick(r, frames);
        String problem = r.nextInt(20) == 0 ? itemName : pick(r, own);
        if (frame.startsWith("尊敬") || frame.startsWith("领导") || frame.startsWith("您好")) {
            // a letter says more than one thing about its problem
            if (r.nextInt(2) == 0) {
                problem = problem + "，而且" + pick(r, own);
            }
        }
        String aside = "";
        if (r.nextInt(8) == 0) {
            String other = codes.get(r.nextInt(codes.size()));
            if (!other.equals(itemCode)) {
                aside = "另外" + pick(r, problems.get(other)) + "。";
            }
        }
        // "I live near 楼下" reads wrong: where the frame says where the writer lives, the place is a real one
        boolean home = frame.contains("住在{地}") || frame.contains("就在{地}");
        int p = r.nextInt(home ? 7 : 10);
        String place = p < 5 && address != null ? address : p < 7 ? pick(r, landmarks) : pick(r, slots.get("地"));
        return frame.replace("{问}", problem).replace("{地}", place).replace("{时}", pick(r, slots.get("时")))
                .replace("{影}", pick(r, slots.get("影"))).replace("{求}", pick(r, slots.get("求")))
                .replace("{又}", aside);
    }

    private static String pick(Random r, List<String> pool) {
        return pool.get(r.nextInt(pool.size()));
    }
}
