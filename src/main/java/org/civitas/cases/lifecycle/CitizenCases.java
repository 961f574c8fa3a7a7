package org.civitas.cases.lifecycle;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoUpload;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a citizen, or a channel system acting for one, may do with a case (docs/design.md §4, §9): report it, follow it
 * and rate it once. A citizen proves the case number with its tracking code ({@link TrackingCode}); cases
 * registered before codes existed take the last four digits of the phone instead. A wrong code, an unknown number
 * and something that is no case number get the same answer, so the pair reveals nothing. The number is brought to
 * one form ({@link CaseNumber}) before anything else, and wrong codes are counted on that form across every address
 * ({@link TrackingLock}), for lookups and ratings alike. A channel system (role {@code CHANNEL}) follows and rates
 * the cases it filed, by its own id. Limits per client address are the web layer's job.
 */
@Service
public class CitizenCases {

    /** The history actor of what citizens do on the public pages. */
    public static final String CITIZEN = "citizen";
    static final String CHANNEL = "hasRole('CHANNEL')";
    /** Steps a citizen sees; supervision, requests and decisions inside the office stay internal. */
    static final Set<CaseAction> PUBLIC_STEPS = EnumSet.of(CaseAction.REGISTER, CaseAction.DISPATCH,
            CaseAction.REDISPATCH, CaseAction.SIGN, CaseAction.REPLY, CaseAction.RATE, CaseAction.REOPEN,
            CaseAction.APPROVE_RETURN, CaseAction.CLOSE, CaseAction.CLOSE_NOT_RATED, CaseAction.MERGE,
            CaseAction.INVALIDATE);

    private final CaseRepository repository;
    private final CaseLookups lookups;
    private final CaseStore store;
    private final CaseIntake intake;
    private final CurrentUser user;
    private final TrackingLock lock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final Clock clock;

    CitizenCases(CaseRepository repository, CaseLookups lookups, CaseStore store,
                 CaseIntake intake, CurrentUser user, TrackingLock lock, PlatformTransactionManager transactions,
                 Clock clock) {
        this.intake = intake;
        this.lock = lock;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.repository = repository;
        this.lookups = lookups;
        this.store = store;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Registers a citizen's report from the public form ({@code WEB}) or a channel system (its own channel, with
     * its own id: the same id twice returns the first case). Same validation and dispatch as the operator's form.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public PublicCase report(NewCase report, List<PhotoUpload> photos) {
        return submit(report, photos).filed();
    }

    /** A report's outcome for a channel system: the case, and whether the report made it (false: filed before). */
    public record Submitted(PublicCase filed, boolean created) {
    }

    /** {@link #report}, telling the channel whether its id was new (201) or filed before (200). */
    @PreAuthorize("permitAll()")
    @Transactional
    public Submitted submit(NewCase report, List<PhotoUpload> photos) {
        if (report == null || report.channel() == null || report.channel() == Channel.INSPECTION) {
            throw new RuleViolation("citizen.error.channel");
        }
        boolean channelSystem = user.hasRole(AppRoles.CHANNEL);
        if (!channelSystem && report.channel() != Channel.WEB) {
            throw new RuleViolation("citizen.error.channel");
        }
        String actor = channelSystem ? user.username() : CITIZEN;
        // the batch intake's write with a batch of one: plain statements, no entity (docs/benchmarks.md, intake)
        Outcome o = outcome(intake.fileAll(List.of(report), List.of(photos == null ? List.of() : photos), actor)
                .get(0));
        if (o.refused() != null) {
            throw o.refused();
        }
        return o.submitted();
    }

    /** One report of a batch: filed (new, or under the same id before), or refused with the reason. */
    public record Outcome(Submitted submitted, RuleViolation refused) {
    }

    /**
     * A channel system's reports filed in one transaction ({@link CaseIntake}): each checked, dispatched and
     * answered as by {@link #submit}, a refused one writing nothing; the outcomes in the order of the reports. When
     * the transaction fails as a whole (a concurrent request filed one of the same ids first, a deadlock), it
     * throws and nothing is filed: the caller may file the reports one by one.
     */
    @PreAuthorize(CHANNEL)
    @Transactional
    public List<Outcome> submitAll(List<NewCase> reports, List<List<PhotoUpload>> photos) {
        for (NewCase r : reports) {
            if (r != null && (r.channel() == null || r.channel() == Channel.INSPECTION)) {
                throw new RuleViolation("citizen.error.channel");
            }
        }
        return intake.fileAll(reports, photos, user.username()).stream().map(this::outcome).toList();
    }

    /** A new case answers with the timeline its history rows make, without reading them back. */
    private Outcome outcome(CaseIntake.Result r) {
        if (r.refused() != null) {
            return new Outcome(null, r.refused());
        }
        if (!r.created()) {
            return new Outcome(new Submitted(view(repository.findById(r.filedBefore()).orElseThrow()), false), null);
        }
        List<PublicCase.Step> timeline = r.steps().stream().map(CaseHistory::toEntry)
                .filter(h -> !h.internal() && PUBLIC_STEPS.contains(h.action()))
                .map(h -> new PublicCase.Step(h.at(), h.action(), h.to())).toList();
        return new Outcome(new Submitted(view(r.filed(), timeline), true), null);
    }

    /**
     * The case for its complainant, by its number (in any spelling) and tracking code; a wrong number or code is
     * refused with one message for both, and counts against the number. Refused with
     * {@code citizen.error.numberLocked} while the number pauses after too many wrong codes.
     */
    @PreAuthorize("permitAll()")
    public PublicCase track(String number, String code) {
        return proven(number, code, reading, this::view);
    }

    /** The complainant's one rating, once the unit has replied; proven and counted as {@link #track} is. */
    @PreAuthorize("permitAll()")
    public PublicCase rate(String number, String code, Rating rating, boolean solved, String note) {
        return proven(number, code, writing, c -> rate(c, rating, solved, note, CITIZEN));
    }

    /** A channel system reads a case it filed, by its own id. */
    @PreAuthorize(CHANNEL)
    @Transactional(readOnly = true)
    public PublicCase ofChannel(Channel channel, String channelRef) {
        return view(byChannel(channel, channelRef));
    }

    /** A channel system reads a case it filed, by the case number. */
    @PreAuthorize(CHANNEL)
    @Transactional(readOnly = true)
    public PublicCase ofChannelByNumber(Channel channel, String number) {
        CaseFile c = CaseNumber.canonical(number).flatMap(repository::findByNumber)
                .filter(f -> f.getChannel() == channel)
                .orElseThrow(() -> new RuleViolation("citizen.error.notFound"));
        return view(c);
    }

    /** A channel system passes on its citizen's rating. */
    @PreAuthorize(CHANNEL)
    @Transactional
    public PublicCase rateForChannel(Channel channel, String channelRef, Rating rating, boolean solved, String note) {
        return rate(byChannel(channel, channelRef), rating, solved, note, user.username());
    }

    private PublicCase rate(CaseFile c, Rating rating, boolean solved, String note, String actor) {
        if (rating == null) {
            throw new RuleViolation("case.error.ratingRequired");
        }
        if (c.getStatus() != CaseStatus.REPLIED || c.getRating() != null) {
            throw new RuleViolation("citizen.error.notRateable", c.getNumber());
        }
        if (note != null && note.length() > 500) {
            throw new RuleViolation("citizen.error.noteTooLong", 500);
        }
        c.rate(rating, solved, actor, LocalDateTime.now(clock), note == null || note.isBlank() ? null : note.strip());
        return view(store.save(c));
    }

    /**
     * Counts the attempt against the number, proves the case and runs {@code action} on it in {@code tx}; the
     * count is settled after. The lock's short transactions run outside the case's, so a lookup never holds two
     * connections of the pool at once (a burst of lookups could otherwise take them all and wait on each other).
     */
    private PublicCase proven(String typedNumber, String typedCode, TransactionTemplate tx,
                              Function<CaseFile, PublicCase> action) {
        String number = CaseNumber.canonical(typedNumber).orElseThrow(CitizenCases::notFound);
        String code = TrackingCode.canonical(typedCode);
        lock.attempt(number, phoneDigits(code) ? TrackingLock.PHONE_DIGITS_COST : 1);
        boolean[] proven = {false};
        try {
            return tx.execute(status -> {
                CaseFile c = code.isEmpty() ? null
                        : repository.findByNumber(number).filter(f -> proves(f, code)).orElse(null);
                if (c == null) {
                    throw notFound();
                }
                proven[0] = true;
                return action.apply(c);
            });
        } finally {
            if (proven[0]) {
                lock.passed(number);
            } else {
                lock.failed(number);
            }
        }
    }

    /** A case with a tracking code takes only that code; one without (registered before) the phone's last four. */
    static boolean proves(CaseFile c, String code) {
        if (c.getTrackingCode() != null) {
            return TrackingCode.matches(c.getTrackingCode(), code);
        }
        return phoneDigits(code) && c.getComplainantPhone() != null && c.getComplainantPhone().endsWith(code);
    }

    private static boolean phoneDigits(String code) {
        return code.length() == 4 && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static RuleViolation notFound() {
        return new RuleViolation("citizen.error.notFound");
    }

    /** The last master of a merged report, if its reply was accepted (or it closed after a reply); else null. */
    private CaseFile masterOf(CaseFile merged) {
        CaseFile m = merged;
        for (int depth = 0; depth < MergedCases.MAX_DEPTH && m.getMasterCaseId() != null
                && m.getStatus() == CaseStatus.MERGED; depth++) {
            m = repository.findById(m.getMasterCaseId()).orElse(null);
            if (m == null) {
                return null;
            }
        }
        boolean answered = m.getReplyText() != null && (m.getStatus() == CaseStatus.CLOSED
                || m.getStatus() == CaseStatus.REPLIED && m.isReplyAccepted());
        return answered ? m : null;
    }

    private CaseFile byChannel(Channel channel, String channelRef) {
        return repository.findByChannelAndChannelRef(channel, channelRef == null ? "" : channelRef.trim())
                .orElseThrow(() -> new RuleViolation("citizen.error.notFound"));
    }

    private PublicCase view(CaseFile c) {
        return view(c, lookups.publicSteps(c.getId(), PUBLIC_STEPS));
    }

    private PublicCase view(CaseFile c, List<PublicCase.Step> steps) {
        boolean replied = c.getReplyText() != null
                && (c.getStatus() == CaseStatus.REPLIED || c.getStatus() == CaseStatus.CLOSED);
        CaseFile answer = replied ? c : null;
        if (c.getStatus() == CaseStatus.MERGED && c.getMasterCaseId() != null) {
            // a merged report is answered by its master's reply once the office accepted it (the SMS said so)
            answer = masterOf(c);
        }
        return new PublicCase(c.getId(), c.getNumber(), c.getChannel(), c.getChannelRef(), c.getStatus(),
                c.getReceivedAt(), c.getItemCode(), c.getDistrictCode(), c.getStreetCode(), c.getAddress(),
                c.getDescription(), c.getLeadUnitCode(), c.getHandleDueAt(),
                answer == null ? null : answer.getReplyText(), answer == null ? null : answer.getRepliedAt(),
                c.getRating(),
                c.getStatus() == CaseStatus.REPLIED && c.getRating() == null, steps, c.getTrackingCode());
    }
}
