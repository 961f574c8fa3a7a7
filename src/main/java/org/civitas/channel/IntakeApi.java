package org.civitas.channel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.base.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake API of channel systems (docs/design.md §9, docs/api.md): register a case with the channel's own id, read its
 * status and public timeline, pass on the citizen's rating. JSON in and out; every refusal is
 * {@code {"errors":[{"field","code","message","message_en"}]}}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Intake API v1", description = "Channel systems file, follow and rate cases")
@SecurityRequirement(name = "apiKey")
class IntakeApi {

    private static final Logger log = LoggerFactory.getLogger(IntakeApi.class);
    /** Reports per batch request: a hotline system's minute of calls, bounded so one request stays short. */
    static final int BATCH_MAX = 100;
    /**
     * A channel's ref: what fits the column ({@code channel_ref VARCHAR(64)}) and reads back unchanged as one path
     * segment of {@code GET /cases/{ref}} (no {@code /}, {@code %}, {@code ?} or spaces).
     */
    static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final CitizenCases citizens;
    private final ChannelService channels;
    private final IdempotencyKeys idempotency;
    private final CurrentUser user;
    private final ZoneId zone;
    private final Json json;

    IntakeApi(CitizenCases citizens, ChannelService channels, IdempotencyKeys idempotency, CurrentUser user,
              @Value("${civitas.zone:Asia/Shanghai}") ZoneId zone, Json json) {
        this.citizens = citizens;
        this.channels = channels;
        this.idempotency = idempotency;
        this.user = user;
        this.zone = zone;
        this.json = json;
    }

    /** A photo in JSON: its file name and its bytes in base64. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhotoJson(@JsonProperty("file_name") String fileName, String data) {
    }

    /** A report as a channel sends it. {@code ref} is the channel's own id of the report, required. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IntakeRequest(String ref, String name, String phone, Boolean anonymous, String district, String street,
                         String address, BigDecimal lat, BigDecimal lng, String description, String item,
                         List<PhotoJson> photos) {
    }

    /** Reports of one request to {@code /cases/batch}, at most {@link #BATCH_MAX}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchRequest(List<IntakeRequest> cases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RatingRequest(String rating, Boolean solved, String note) {
    }

    /** A case as the filing channel sees it: status and public timeline, never the complainant's name or phone. */
    record CaseView(String number, String ref, Channel channel, CaseStatus status,
                    @JsonProperty("received_at") OffsetDateTime receivedAt, String item, String district,
                    String street, String address, String description, @JsonProperty("lead_unit") String leadUnit,
                    @JsonProperty("handle_due_at") OffsetDateTime handleDueAt, String reply,
                    @JsonProperty("replied_at") OffsetDateTime repliedAt, Rating rating, boolean rateable,
                    @JsonProperty("tracking_code") String trackingCode, List<StepView> timeline) {
    }

    record StepView(OffsetDateTime at, CaseAction action, CaseStatus status) {
    }

    /** {@code {"results":[…]}}: one result per report of a batch, in the order sent. */
    record BatchAnswer(List<BatchResult> results) {
    }

    /** A report of a batch: its case when filed (201/200), else its errors. */
    record BatchResult(int index, String ref, int status,
                       @JsonProperty("case") @JsonInclude(JsonInclude.Include.NON_NULL) CaseView filed,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<ApiErrors.Item> errors) {
    }

    @Operation(summary = "Register a case", description = "201 new, 200 when the ref was filed before",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IntakeRequest.class))))
    @PostMapping(path = "/cases", consumes = MediaType.ALL_VALUE)
    ResponseEntity<String> register(@RequestBody(required = false) String body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String idemKey) {
        ChannelSystem system = system();
        return idempotency.run(system.code(), idemKey, () -> hash("POST /cases", body), () -> {
            CitizenCases.Submitted s = submit(system, parse(body, IntakeRequest.class));
            return json.answer(s.created() ? HttpStatus.CREATED : HttpStatus.OK, view(s.filed()));
        });
    }

    @Operation(summary = "Register up to 100 cases in one request",
            description = "Each report is registered on its own, as by POST /cases, and answered on its own in "
                    + "\"results\" (index, ref, status 201/200 or 4xx, case or errors); the request is 200 when the "
                    + "batch was read, whatever each report's outcome.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchRequest.class))))
    @PostMapping(path = "/cases/batch", consumes = MediaType.ALL_VALUE)
    ResponseEntity<String> registerBatch(@RequestBody(required = false) String body,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idemKey) {
        ChannelSystem system = system();
        return idempotency.run(system.code(), idemKey, () -> hash("POST /cases/batch", body), () -> {
            BatchRequest batch = parse(body, BatchRequest.class);
            if (batch.cases() == null || batch.cases().isEmpty()) {
                throw new RuleViolation("api.error.batchEmpty");
            }
            if (batch.cases().size() > BATCH_MAX) {
                throw new RuleViolation("api.error.batchTooLarge", BATCH_MAX);
            }
            return json.answer(HttpStatus.OK, new BatchAnswer(fileBatch(system, batch.cases())));
        });
    }

    /**
     * The reports of a batch, filed together in one transaction (group commit: docs/benchmarks.md, intake). A report
     * refused by its checks is answered on its own and the others are filed. Should the transaction fail as a whole
     * (a concurrent request filed one of the same refs between the check and the insert, a deadlock), nothing of it
     * stays and each report is filed again in a transaction of its own, as before the group commit.
     */
    private List<BatchResult> fileBatch(ChannelSystem system, List<IntakeRequest> requests) {
        List<BatchResult> results = new ArrayList<>(Collections.nCopies(requests.size(), null));
        List<NewCase> reports = new ArrayList<>();
        List<List<PhotoUpload>> photos = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            IntakeRequest r = requests.get(i);
            try {
                NewCase report = report(system, r);
                photos.add(photos(r.photos()));
                reports.add(report);
                indexes.add(i);
            } catch (RuleViolation v) {
                results.set(i, refusal(i, r, v));
            }
        }
        List<CitizenCases.Outcome> outcomes;
        try {
            outcomes = citizens.submitAll(reports, photos);
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            // a statement failed, or the commit did: either way nothing of the batch stays
            log.info("Batch intake conflicted, filing its reports one by one: {}", e.getMessage());
            for (int i : indexes) {
                results.set(i, batchResult(system, i, requests.get(i)));
            }
            return results;
        }
        for (int k = 0; k < outcomes.size(); k++) {
            int i = indexes.get(k);
            CitizenCases.Outcome o = outcomes.get(k);
            results.set(i, o.refused() != null ? refusal(i, requests.get(i), o.refused())
                    : result(i, requests.get(i), o.submitted()));
        }
        return results;
    }

    private BatchResult result(int index, IntakeRequest r, CitizenCases.Submitted s) {
        return new BatchResult(index, r.ref(), s.created() ? HttpStatus.CREATED.value() : HttpStatus.OK.value(),
                view(s.filed()), null);
    }

    private static BatchResult refusal(int index, IntakeRequest r, RuleViolation v) {
        return new BatchResult(index, r == null ? null : r.ref(), ApiErrors.status(v).value(), null,
                ApiErrors.body(v).errors());
    }

    /** One report of a batch: registered in its own transaction, so one refused report leaves the others filed. */
    private BatchResult batchResult(ChannelSystem system, int index, IntakeRequest r) {
        try {
            return result(index, r, submit(system, r));
        } catch (RuleViolation v) {
            return refusal(index, r, v);
        } catch (org.springframework.dao.DataAccessException e) {
            log.info("Conflicting intake in a batch: {}", e.getMessage());
            return new BatchResult(index, r == null ? null : r.ref(), HttpStatus.CONFLICT.value(), null,
                    ApiErrors.body(null, "api.error.conflict").errors());
        }
    }

    private CitizenCases.Submitted submit(ChannelSystem system, IntakeRequest r) {
        NewCase report = report(system, r);
        return citizens.submit(report, photos(r.photos()));
    }

    private static NewCase report(ChannelSystem system, IntakeRequest r) {
        if (r == null) {
            throw new RuleViolation("api.error.body");
        }
        if (r.ref() == null || r.ref().isBlank()) {
            throw new RuleViolation("api.error.refRequired");
        }
        if (!REF.matcher(r.ref().strip()).matches()) {
            throw new RuleViolation("api.error.ref");
        }
        return new NewCase(system.channel(), r.ref().strip(), null, r.name(), r.phone(),
                Boolean.TRUE.equals(r.anonymous()), r.district(), r.street(), r.address(), r.lat(), r.lng(),
                r.description(), r.item() == null || r.item().isBlank() ? null : r.item().strip());
    }

    @Operation(summary = "Status and public timeline by the channel's ref")
    @GetMapping("/cases/{ref}")
    ResponseEntity<String> byRef(@PathVariable String ref) {
        ChannelSystem system = system();
        return json.answer(HttpStatus.OK, view(citizens.ofChannel(system.channel(), ref)));
    }

    @Operation(summary = "Status and public timeline by case number")
    @GetMapping("/cases/by-number/{number}")
    ResponseEntity<String> byNumber(@PathVariable String number) {
        ChannelSystem system = system();
        return json.answer(HttpStatus.OK, view(citizens.ofChannelByNumber(system.channel(), number)));
    }

    @Operation(summary = "The citizen's rating, once, after the reply",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RatingRequest.class))))
    @PostMapping(path = "/cases/{ref}/rating", consumes = MediaType.ALL_VALUE)
    ResponseEntity<String> rate(@PathVariable String ref, @RequestBody(required = false) String body,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idemKey) {
        ChannelSystem system = system();
        return idempotency.run(system.code(), idemKey, () -> hash("POST /cases/" + ref + "/rating", body), () -> {
            RatingRequest r = parse(body, RatingRequest.class);
            Rating rating;
            try {
                rating = r.rating() == null ? null : Rating.valueOf(r.rating().strip());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("case.error.ratingRequired");
            }
            return json.answer(HttpStatus.OK, view(citizens.rateForChannel(system.channel(), ref, rating,
                    !Boolean.FALSE.equals(r.solved()), r.note())));
        });
    }

    private ChannelSystem system() {
        return channels.caller(user.username());
    }

    static List<PhotoUpload> photos(List<PhotoJson> photos) {
        if (photos == null) {
            return List.of();
        }
        if (photos.size() > Photos.MAX_COUNT) {
            throw new RuleViolation("case.error.tooManyPhotos", Photos.MAX_COUNT);
        }
        List<PhotoUpload> out = new ArrayList<>();
        for (PhotoJson p : photos) {
            String name = p == null || p.fileName() == null || p.fileName().isBlank() ? "photo" : p.fileName();
            if (p == null || p.data() == null || p.data().length() > (Photos.MAX_BYTES / 3 + 1) * 4 + 16) {
                throw new RuleViolation("case.error.photoSize", name);
            }
            try {
                out.add(new PhotoUpload(name, Base64.getMimeDecoder().decode(p.data())));
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("case.error.notAnImage", name);
            }
        }
        return out;
    }

    <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new RuleViolation("api.error.body");
        }
        try {
            T t = json.read(body, type);
            if (t == null) {
                throw new RuleViolation("api.error.body");
            }
            return t;
        } catch (JsonProcessingException e) {
            throw new RuleViolation("api.error.body");
        }
    }

    static String hash(String what, String body) {
        return ChannelService.sha256(what + "\n" + (body == null ? "" : new String(body.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)));
    }

    CaseView view(PublicCase c) {
        return new CaseView(c.number(), c.channelRef(), c.channel(), c.status(), at(c.receivedAt()), c.itemCode(),
                c.districtCode(), c.streetCode(), c.address(), c.description(), c.leadUnitCode(), at(c.handleDueAt()),
                c.reply(), at(c.repliedAt()), c.rating(), c.rateable(), c.trackingCode(),
                c.steps().stream().map(s -> new StepView(at(s.at()), s.action(), s.status())).toList());
    }

    private OffsetDateTime at(LocalDateTime t) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime();
    }
}
