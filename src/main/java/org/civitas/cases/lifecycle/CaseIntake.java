package org.civitas.cases.lifecycle;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CasesFiled;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.CaseNumbers;
import org.civitas.cases.intake.CaseValidation;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoKind;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.classify.ChannelClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way a new case comes in (docs/decisions/DD049-one-intake-path.md): the operator's form, an inspection
 * finding, the public form and the channel systems all file here, one report as a batch of one. Each report gets the
 * same checks, dispatch, deadlines and history; the new cases are written by {@link CaseStore#insertAll} as one
 * multi-row INSERT per table (docs/benchmarks.md, intake), which announces them with one {@link CasesFiled}. A
 * report that fails its checks is refused on its own and writes nothing; the others are filed. Who may file is the
 * caller's check ({@link CaseService#register}, {@link CitizenCases#submitAll}).
 */
@Component
class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final CaseSteps steps;
    private final CaseStore store;
    private final CaseNumbers numbers;
    private final CaseLookups lookups;
    private final CasePhotoRepository photos;
    private final CatalogService catalog;
    private final ChannelClassifier classifier;

    CaseIntake(CaseSteps steps, CaseStore store, CaseNumbers numbers, CaseLookups lookups,
               CasePhotoRepository photos, CatalogService catalog, ChannelClassifier classifier) {
        this.classifier = classifier;
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

    /**
     * A report that passed its checks, at its index in the batch, with its list item (null: none given) and, for a
     * report that came without one, what the classifier made of it ({@code classified}, null otherwise).
     */
    private record Checked(int index, NewCase report, ItemView item, ChannelClassifier.Decision classified) {

        ChannelRef ref() {
            return report.channelRef() == null ? null : new ChannelRef(report.channel(), report.channelRef());
        }
    }

    private record ChannelRef(Channel channel, String ref) {
    }

    /** Reports and their photos, index by index; the results in the same order. */
    List<Result> fileAll(List<NewCase> raw, List<List<PhotoUpload>> photoUploads, String actor) {
        LocalDateTime now = steps.now();
        Result[] results = new Result[raw.size()];
        List<Checked> checked = check(raw, photoUploads, now, results);
        // the same channel id twice in one batch: the first files the case, the later ones answer with it
        Map<ChannelRef, Checked> firstOfRef = new HashMap<>();
        List<Checked> fresh = notFiledBefore(checked, results, firstOfRef);
        write(fresh, photoUploads, actor, now, results);
        for (Checked c : checked) {
            if (results[c.index()] == null) {
                long id = results[firstOfRef.get(c.ref()).index()].filed().getId();
                results[c.index()] = new Result(null, List.of(), id, null);
            }
        }
        return List.of(results);
    }

    /**
     * The office's report (the operator's form, an inspection finding), in the order the office's registration has
     * always checked it: the report, then its channel id (filed before: answered with that case, whatever else
     * changed since), then its item, then the master it is merged into ({@code master} null: none, the case is
     * dispatched by the list). Throws the refusal instead of answering it.
     */
    Result file(NewCase raw, List<PhotoUpload> photoUploads, String actor, CaseFile master) {
        NewCase report = checked(raw, photoUploads);
        if (report.channelRef() != null) {
            var before = lookups.idOfChannelRef(report.channel(), report.channelRef());
            if (before.isPresent()) {
                return new Result(null, List.of(), before.get(), null);
            }
        }
        LocalDateTime now = steps.now();
        ItemView item = itemOf(report, now);
        if (master != null && master.getStatus().isFinal()) {
            throw new RuleViolation("case.error.badMaster", master.getNumber());
        }
        CaseFile file = steps.newCase(numbers.next(now.toLocalDate()), report, item, actor, now,
                master == null);
        if (master != null) {
            file.mergeInto(master, actor, now);
        }
        List<CaseHistory> history = file.pendingHistory();
        write(List.of(file), List.of(photoUploads), actor, now);
        return new Result(file, history, null, null);
    }

    /** The report brought to the tables' form and checked with its photos; refused by a {@link RuleViolation}. */
    private NewCase checked(NewCase raw, List<PhotoUpload> photoUploads) {
        NewCase report = raw == null ? null : raw.normalized();
        if (report == null) {
            throw new RuleViolation("case.error.channelRequired");
        }
        CaseValidation.check(report, catalog);
        Photos.check(photoUploads);
        return report;
    }

    /**
     * What the classifier makes of a report without an item (DD051); null when it cannot answer, so a classifier
     * fault never refuses a report: the report then waits in the classification queue as before.
     */
    private ChannelClassifier.Decision classify(NewCase report) {
        try {
            return classifier.decide(report.description(), report.address(), report.districtCode(),
                    report.streetCode());
        } catch (RuntimeException e) {
            log.warn("classifier failed on a report without an item; it waits for a person", e);
            return null;
        }
    }

    /** The report with the place the classifier found, when the report named no district. */
    private static NewCase placed(NewCase r, ChannelClassifier.Decision d) {
        if (r.districtCode() != null) {
            return r;
        }
        return new NewCase(r.channel(), r.channelRef(), r.receivedAt(), r.complainantName(), r.complainantPhone(),
                r.anonymous(), d.districtCode(), d.streetCode(), r.address(), r.latitude(), r.longitude(),
                r.description(), r.itemCode(), r.mediaUrl());
    }

    /** The report's item in the list in force (null: none given); refused when the list has no such item. */
    private ItemView itemOf(NewCase report, LocalDateTime now) {
        return report.itemCode() == null || report.itemCode().isBlank() ? null
                : steps.currentItem(report.itemCode(), now);
    }

    /** The reports that pass their checks; a refusal goes into {@code results} at the report's index. */
    private List<Checked> check(List<NewCase> raw, List<List<PhotoUpload>> photoUploads, LocalDateTime now,
                                Result[] results) {
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                NewCase report = checked(raw.get(i), photoUploads.get(i));
                ItemView item = itemOf(report, now);
                ChannelClassifier.Decision classified = item == null ? classify(report) : null;
                if (classified != null && classified.dispatch()) {
                    item = steps.currentItem(classified.itemCode(), now);
                    report = placed(report, classified);
                }
                checked.add(new Checked(i, report, item, classified));
            } catch (RuleViolation v) {
                results[i] = new Result(null, List.of(), null, v);
            }
        }
        return checked;
    }

    /**
     * The reports to file: not filed before (those are answered with their case in {@code results}, found by one
     * SELECT per channel) and not a repeat within the batch (left unanswered; {@code firstOfRef} names the first).
     */
    private List<Checked> notFiledBefore(List<Checked> checked, Result[] results,
                                         Map<ChannelRef, Checked> firstOfRef) {
        Map<Channel, Set<String>> refs = new HashMap<>();
        for (Checked c : checked) {
            if (c.ref() != null) {
                refs.computeIfAbsent(c.ref().channel(), ch -> new LinkedHashSet<>()).add(c.ref().ref());
            }
        }
        Map<Channel, Map<String, Long>> before = new HashMap<>();
        refs.forEach((channel, ids) -> before.put(channel, lookups.idsOfChannelRefs(channel, ids)));
        List<Checked> fresh = new ArrayList<>();
        for (Checked c : checked) {
            Long earlier = c.ref() == null ? null : before.get(c.ref().channel()).get(c.ref().ref());
            if (earlier != null) {
                results[c.index()] = new Result(null, List.of(), earlier, null);
            } else if (c.ref() == null || firstOfRef.putIfAbsent(c.ref(), c) == null) {
                fresh.add(c);
            }
        }
        return fresh;
    }

    /** The new cases: numbers, dispatch, one write for all of them, their photos; each answered in {@code results}. */
    private void write(List<Checked> fresh, List<List<PhotoUpload>> photoUploads, String actor, LocalDateTime now,
                       Result[] results) {
        List<String> drawn = fresh.isEmpty() ? List.of() : numbers.next(now.toLocalDate(), fresh.size());
        List<CaseFile> cases = new ArrayList<>(fresh.size());
        List<List<CaseHistory>> histories = new ArrayList<>(fresh.size());
        List<List<PhotoUpload>> uploads = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            Checked c = fresh.get(k);
            boolean auto = c.classified() != null && c.classified().dispatch();
            CaseFile file = auto
                    ? steps.newCase(drawn.get(k), c.report(), c.item(), actor, now, true, ChannelClassifier.ACTOR,
                            c.classified().note())
                    : steps.newCase(drawn.get(k), c.report(), c.item(), actor, now);
            cases.add(file);
            // kept for the answer: the public timeline of a new case is these rows, no need to read them back
            histories.add(file.pendingHistory());
            uploads.add(photoUploads.get(c.index()));
        }
        write(cases, uploads, actor, now);
        for (int k = 0; k < fresh.size(); k++) {
            results[fresh.get(k).index()] = new Result(cases.get(k), histories.get(k), null, null);
            ChannelClassifier.Decision d = fresh.get(k).classified();
            if (d != null) {
                // dispatched only if the list's rule found a unit too; else it waits like any report without an item
                boolean dispatched = d.dispatch() && cases.get(k).getDispatchedAt() != null;
                classifier.suggested(cases.get(k).getId(), new ChannelClassifier.Decision(d.classification(),
                        dispatched, d.itemCode(), d.districtCode(), d.streetCode()), now);
            }
        }
    }

    /** New cases and their photos, index by index: the one write every new case goes through. */
    private void write(List<CaseFile> cases, List<List<PhotoUpload>> photoUploads, String actor, LocalDateTime now) {
        store.insertAll(cases);
        for (int k = 0; k < cases.size(); k++) {
            for (PhotoUpload p : photoUploads.get(k)) {
                photos.save(new CasePhoto(cases.get(k).getId(), PhotoKind.REPORT, p, actor, now));
            }
        }
    }
}
