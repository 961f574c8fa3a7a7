package org.civitas.cases;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.springframework.stereotype.Component;

/**
 * Files a channel system's batch of reports in one transaction (group commit): the same checks, dispatch,
 * deadlines, history and notices as {@link CaseService#fileAs} one report at a time, written as one multi-row
 * INSERT per table instead of a dozen statements and a commit per case (docs/benchmarks.md, intake). A report that
 * fails its checks is refused on its own and writes nothing; the others are filed. Who may file is the caller's
 * check ({@link CitizenCases#submitAll}).
 */
@Component
class CaseIntake {

    private final CaseSteps steps;
    private final CaseStore store;
    private final CaseNumbers numbers;
    private final CaseLookups lookups;
    private final CasePhotoRepository photos;
    private final CatalogService catalog;

    CaseIntake(CaseSteps steps, CaseStore store, CaseNumbers numbers, CaseLookups lookups,
               CasePhotoRepository photos, CatalogService catalog) {
        this.steps = steps;
        this.store = store;
        this.numbers = numbers;
        this.lookups = lookups;
        this.photos = photos;
        this.catalog = catalog;
    }

    /**
     * One report's outcome: {@code filed} with {@code created} true for a new case; {@code filedBefore} (the id of
     * the case) when the channel's id was filed before, by an earlier request or earlier in this batch; or
     * {@code refused}.
     */
    record Result(CaseFile filed, List<CaseHistory> steps, Long filedBefore, RuleViolation refused) {

        boolean created() {
            return filed != null;
        }
    }

    /** Reports and their photos, index by index; the results in the same order. */
    List<Result> fileAll(List<NewCase> raw, List<List<PhotoUpload>> photoUploads, String actor) {
        LocalDateTime now = steps.now();
        int n = raw.size();
        Result[] results = new Result[n];
        NewCase[] reports = new NewCase[n];
        ItemView[] items = new ItemView[n];
        Map<Channel, Set<String>> refs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            try {
                NewCase report = raw.get(i) == null ? null : raw.get(i).normalized();
                if (report == null) {
                    throw new RuleViolation("case.error.channelRequired");
                }
                CaseValidation.check(report, catalog);
                Photos.check(photoUploads.get(i));
                items[i] = report.itemCode() == null || report.itemCode().isBlank() ? null
                        : steps.currentItem(report.itemCode(), now);
                reports[i] = report;
                if (report.channelRef() != null) {
                    refs.computeIfAbsent(report.channel(), c -> new LinkedHashSet<>()).add(report.channelRef());
                }
            } catch (RuleViolation v) {
                results[i] = new Result(null, List.of(), null, v);
            }
        }
        Map<Channel, Map<String, Long>> before = new HashMap<>();
        refs.forEach((channel, ids) -> before.put(channel, lookups.idsOfChannelRefs(channel, ids)));
        // the same channel id twice in one batch: the first files the case, the later ones answer with it
        Map<String, Integer> firstOfRef = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewCase report = reports[i];
            if (report == null) {
                continue;
            }
            Long earlier = report.channelRef() == null ? null : before.get(report.channel()).get(report.channelRef());
            String key = report.channel() + "\n" + report.channelRef();
            if (earlier != null) {
                results[i] = new Result(null, List.of(), earlier, null);
            } else if (report.channelRef() != null && firstOfRef.putIfAbsent(key, i) != null) {
                results[i] = null; // answered below with the case of its first report
            } else {
                fresh.add(i);
            }
        }
        List<String> drawn = fresh.isEmpty() ? List.of() : numbers.next(now.toLocalDate(), fresh.size());
        List<CaseFile> cases = new ArrayList<>(fresh.size());
        List<List<CaseHistory>> histories = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            int i = fresh.get(k);
            CaseFile c = steps.newCase(drawn.get(k), reports[i], items[i], actor, now);
            cases.add(c);
            // kept for the answer: the public timeline of a new case is these rows, no need to read them back
            histories.add(c.pendingHistory());
        }
        store.insertAll(cases);
        for (int k = 0; k < fresh.size(); k++) {
            int i = fresh.get(k);
            CaseFile c = cases.get(k);
            for (PhotoUpload p : photoUploads.get(i)) {
                photos.save(new CasePhoto(c.getId(), PhotoKind.REPORT, p, actor, now));
            }
            results[i] = new Result(c, histories.get(k), null, null);
        }
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                Result first = results[firstOfRef.get(reports[i].channel() + "\n" + reports[i].channelRef())];
                results[i] = new Result(null, List.of(), first.filed().getId(), null);
            }
        }
        return List.of(results);
    }
}
