package org.civitas.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.cases.CitizenCases;
import org.civitas.cases.NewCase;
import org.civitas.cases.PublicCase;
import org.civitas.cases.PublicRequests;
import org.civitas.channel.Open311Document.Format;
import org.civitas.channel.Open311Document.Repeated;
import org.civitas.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the negative list, so that any Open311 client
 * can list the services, file a request and follow it. Every resource in XML and JSON by its suffix; times in
 * W3C format with the city's offset; refusals as the spec's {@code errors}. Filing needs a channel system's key
 * ({@code api_key}); reading is open, and shows a case whole only to the channel system that filed it
 * ({@link PublicRequests}).
 */
@RestController
@RequestMapping("/open311")
@Tag(name = "Open311 GeoReport v2")
class Open311Api {

    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final Duration MAX_RANGE = Duration.ofDays(90);
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** W3C date-time with seconds and offset, as the spec's examples: {@code 2010-04-14T06:37:38-08:00}. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Open311Catalog services;
    private final CitizenCases citizens;
    private final PublicRequests requests;
    private final ChannelService channels;
    private final IdempotencyKeys idempotency;
    private final CurrentUser user;
    private final Clock clock;
    private final ZoneId zone;
    private final String jurisdiction;

    Open311Api(Open311Catalog services, CitizenCases citizens, PublicRequests requests, ChannelService channels,
               IdempotencyKeys idempotency, CurrentUser user, Clock clock,
               @Value("${civitas.zone:Asia/Shanghai}") ZoneId zone,
               @Value("${civitas.open311.jurisdiction:civitas}") String jurisdiction) {
        this.services = services;
        this.citizens = citizens;
        this.requests = requests;
        this.channels = channels;
        this.idempotency = idempotency;
        this.user = user;
        this.clock = clock;
        this.zone = zone;
        this.jurisdiction = jurisdiction;
    }

    /** A refusal worded for the client: HTTP status, translation key and its arguments. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;
        final String key;
        final transient Object[] args;

        Refused(HttpStatus status, String key, Object... args) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.args = args;
        }
    }

    // --- discovery and services -------------------------------------------------------------------------------

    @Operation(summary = "Service discovery")
    @GetMapping({"/discovery.{format}", "/v2/discovery.{format}"})
    ResponseEntity<String> discovery(@PathVariable String format,
                                     @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(format, language, () -> {
            Locale locale = Open311Document.locale(language);
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("specification", SPECIFICATION);
            endpoint.put("url", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                    .fromCurrentContextPath().path("/open311/v2").toUriString());
            endpoint.put("changeset", changeset());
            endpoint.put("type", "production");
            endpoint.put("formats", new Repeated("format", List.of("text/xml", "application/json")));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("changeset", changeset());
            d.put("contact", ApiErrors.text("open311.discovery.contact", locale));
            d.put("key_service", ApiErrors.text("open311.discovery.keyService", locale));
            d.put("endpoints", new Repeated("endpoint", List.of(endpoint)));
            return new Open311Document("discovery", d);
        });
    }

    @Operation(summary = "GET Service List: the items of the negative list")
    @GetMapping("/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                    @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(format, language, () -> {
            checkJurisdiction(jurisdictionId);
            return new Open311Document("services",
                    new Repeated("service", services.items().values().stream().map(services::service).toList()));
        });
    }

    @Operation(summary = "GET Service Definition: district and street attributes")
    @GetMapping("/v2/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                      @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(format, language, () -> {
            checkJurisdiction(jurisdictionId);
            ItemView item = services.item(code)
                    .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "open311.error.serviceCode", code));
            return new Open311Document("service_definition",
                    services.definition(item, Open311Document.locale(language)));
        });
    }

    // --- requests ---------------------------------------------------------------------------------------------

    @Operation(summary = "POST Service Request (api_key)")
    @PostMapping(path = "/v2/requests.{format}")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
                                  @RequestHeader(name = "Accept-Language", required = false) String language,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idemKey,
                                  @RequestHeader(name = "Content-Type", required = false) String contentType) {
        Format f = Format.of(format);
        if (f == null) {
            return refuse(null, language, new Refused(HttpStatus.BAD_REQUEST, "open311.error.format"));
        }
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(parse(contentType))) {
            // the spec's error list, not Spring's problem document
            return refuse(f, language, new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "open311.error.form"));
        }
        ChannelSystem system = system();
        Locale locale = Open311Document.locale(language);
        return idempotency.run(system.code(), idemKey, IntakeApi.hash("POST /open311/requests." + f, canonical(params)),
                () -> answer(format, language, () -> file(system, params, locale)),
                (status, key) -> Open311Document.errors(status, ApiErrors.text(key, locale)).respond(status, f));
    }

    private Open311Document file(ChannelSystem system, MultiValueMap<String, String> params, Locale locale) {
        checkJurisdiction(params.getFirst("jurisdiction_id"));
        String code = param(params, "service_code");
        if (code == null) {
            throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.serviceCodeMissing");
        }
        ItemView item = services.item(code)
                .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "open311.error.serviceCode", code));
        BigDecimal lat = number(param(params, "lat"));
        BigDecimal lng = number(param(params, "long"));
        if ((lat == null) != (lng == null)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.latLong");
        }
        String addressString = param(params, "address_string");
        String addressId = param(params, "address_id");
        if (lat == null && addressString == null && addressId == null) {
            throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.location");
        }
        String district = param(params, "attribute[district]");
        if (district == null && Open311Catalog.districtRequired(item)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.districtRequired");
        }
        String address = addressString != null ? addressString
                : addressId != null ? ApiErrors.text("open311.addressId", TranslationProvider.CHINESE, addressId)
                : ApiErrors.text("open311.coordinates", TranslationProvider.CHINESE, lat.toPlainString(), lng.toPlainString());
        String description = param(params, "description");
        String mediaUrl = param(params, "media_url");
        if (mediaUrl != null) {
            if (mediaUrl.length() > 500 || !mediaUrl.matches("(?i)https?://[^\\s<>\"]+")) {
                throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.mediaUrl");
            }
            description = (description == null ? item.name() : description) + "\n"
                    + ApiErrors.text("open311.mediaUrl", TranslationProvider.CHINESE, mediaUrl);
        }
        String phone = param(params, "phone");
        String name = String.join("", nonNull(param(params, "last_name")), nonNull(param(params, "first_name")));
        NewCase report = new NewCase(system.channel(), null, null, name.isEmpty() ? null : name, phone,
                phone == null, district, param(params, "attribute[street]"), address, lat, lng,
                description == null ? item.name() : description, item.code());
        PublicCase c = citizens.report(report, List.of());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.number());
        r.put("service_notice", notice(c, locale));
        r.put("account_id", null);
        return new Open311Document("service_requests", new Repeated("request", List.of(r)));
    }

    @Operation(summary = "GET Service Requests: newest first, at most 1000, 90 days")
    @GetMapping("/v2/requests.{format}")
    ResponseEntity<String> list(@PathVariable String format,
                                @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                @RequestParam(name = "service_request_id", required = false) String ids,
                                @RequestParam(name = "service_code", required = false) String codes,
                                @RequestParam(name = "start_date", required = false) String startDate,
                                @RequestParam(name = "end_date", required = false) String endDate,
                                @RequestParam(name = "status", required = false) String status,
                                @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(format, language, () -> {
            checkJurisdiction(jurisdictionId);
            List<String> numbers = list(ids);
            if (numbers.size() > PublicRequests.MAX_NUMBERS) {
                throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.tooManyIds", PublicRequests.MAX_NUMBERS);
            }
            Set<Boolean> open = new LinkedHashSet<>();
            for (String s : list(status)) {
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "open" -> open.add(true);
                    case "closed" -> open.add(false);
                    default -> throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.status");
                }
            }
            LocalDateTime[] range = range(startDate, endDate);
            List<PublicRequests.Row> rows = requests.search(new PublicRequests.Query(numbers, list(codes), range[0],
                    range[1], open, PublicRequests.MAX_ROWS));
            return requestList(rows, Open311Document.locale(language));
        });
    }

    @Operation(summary = "GET Service Request")
    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
                               @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                               @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(format, language, () -> {
            checkJurisdiction(jurisdictionId);
            PublicRequests.Row row = requests.byNumber(id)
                    .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "open311.error.notFound", id));
            return requestList(List.of(row), Open311Document.locale(language));
        });
    }

    @Operation(summary = "GET service_request_id from a token: none are issued (realtime)")
    @GetMapping("/v2/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestHeader(name = "Accept-Language", required = false) String language) {
        return answer(format, language, () -> {
            throw new Refused(HttpStatus.NOT_FOUND, "open311.error.token");
        });
    }

    // --- the parts --------------------------------------------------------------------------------------------

    private Open311Document requestList(List<PublicRequests.Row> rows, Locale locale) {
        Map<String, ItemView> items = services.items();
        Map<String, UnitView> units = services.units();
        return new Open311Document("service_requests", new Repeated("request", rows.stream().map(row -> {
            ItemView item = row.itemCode() == null ? null : items.get(row.itemCode());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", row.number());
            r.put("status", row.open() ? "open" : "closed");
            r.put("status_notes", statusNotes(row, locale));
            r.put("service_name", item == null ? row.itemCode() : item.name());
            r.put("service_code", row.itemCode());
            r.put("description", row.description());
            r.put("agency_responsible", row.leadUnitCode() == null ? null
                    : Open311Catalog.name(units, row.leadUnitCode()));
            r.put("service_notice", null);
            r.put("requested_datetime", w3(row.receivedAt()));
            r.put("updated_datetime", w3(row.updatedAt()));
            r.put("expected_datetime", w3(row.dueAt()));
            r.put("address", address(row, units));
            r.put("address_id", null);
            r.put("zipcode", null);
            r.put("lat", row.latitude());
            r.put("long", row.longitude());
            r.put("media_url", null);
            return r;
        }).toList()));
    }

    /** The filer sees the reply once there is one; everyone else the state in words (and why it closed). */
    private static String statusNotes(PublicRequests.Row row, Locale locale) {
        if (row.reply() != null && !row.reply().isBlank()) {
            return row.reply();
        }
        String state = ApiErrors.text(row.status().labelKey(), locale);
        return row.closeReason() == null ? state
                : state + " (" + ApiErrors.text("CloseReason." + row.closeReason().name(), locale) + ")";
    }

    /** District and street (a street's name may already begin with its district's), then the address if shown. */
    private static String address(PublicRequests.Row row, Map<String, UnitView> units) {
        String district = row.districtCode() == null ? "" : Open311Catalog.name(units, row.districtCode());
        String street = row.streetCode() == null ? "" : Open311Catalog.name(units, row.streetCode());
        String area = street.startsWith(district) ? street : (district + " " + street).strip();
        if (row.address() == null) {
            return area.isEmpty() ? null : area;
        }
        return area.isEmpty() ? row.address() : area + " " + row.address();
    }

    private String notice(PublicCase c, Locale locale) {
        if (c.leadUnitCode() != null && c.handleDueAt() != null) {
            return ApiErrors.text("open311.notice.dispatched", locale,
                    Open311Catalog.name(services.units(), c.leadUnitCode()), NOTICE_TIME.format(c.handleDueAt()));
        }
        return ApiErrors.text("open311.notice.registered", locale);
    }

    /** {@code [from, to)} of a query: the most recent 90 days by default, never longer than 90 days. */
    LocalDateTime[] range(String startDate, String endDate) {
        LocalDateTime start = time(startDate, "start_date");
        LocalDateTime end = time(endDate, "end_date");
        if (start == null && end == null) {
            end = LocalDateTime.now(clock).plusSeconds(1);
            start = end.minus(MAX_RANGE);
        } else if (start == null) {
            start = end.minus(MAX_RANGE);
        } else if (end == null) {
            end = start.plus(MAX_RANGE);
        }
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.dateRange");
        }
        return new LocalDateTime[] {start, end};
    }

    /** A W3C date-time with an offset ({@code 2026-05-01T08:00:00+08:00}, {@code …Z}) or a date, in the city's time. */
    private LocalDateTime time(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay();
            } catch (DateTimeParseException e2) {
                throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.date", parameter);
            }
        }
    }

    private String w3(LocalDateTime t) {
        return t == null ? null : W3C.format(t.atZone(zone));
    }

    private String changeset() {
        return w3(services.changedOn().atStartOfDay());
    }

    private void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdiction.equals(jurisdictionId.strip())) {
            throw new Refused(HttpStatus.NOT_FOUND, "open311.error.jurisdiction", jurisdictionId.strip());
        }
    }

    private ChannelSystem system() {
        return channels.caller(user.username());
    }

    ResponseEntity<String> answer(String format, String language, Supplier<Open311Document> action) {
        Format f = Format.of(format);
        try {
            if (f == null) {
                throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.format");
            }
            return action.get().respond(HttpStatus.OK, f);
        } catch (Refused r) {
            return refuse(f, language, r);
        } catch (RuleViolation v) {
            return Open311Document.errors(HttpStatus.BAD_REQUEST,
                    ApiErrors.text(v.key(), Open311Document.locale(language), v.args())).respond(HttpStatus.BAD_REQUEST, f);
        } catch (org.springframework.dao.DataAccessException e) {
            log.info("Conflicting Open311 request: {}", e.getMessage());
            return refuse(f, language, new Refused(HttpStatus.CONFLICT, "api.error.conflict"));
        }
    }

    private static ResponseEntity<String> refuse(Format f, String language, Refused r) {
        return Open311Document.errors(r.status, ApiErrors.text(r.key, Open311Document.locale(language), r.args))
                .respond(r.status, f);
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static String param(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "open311.error.latLong");
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The request's parameters in a fixed order, the key excepted: what makes two requests "the same". */
    private static String canonical(MultiValueMap<String, String> params) {
        Map<String, List<String>> sorted = new TreeMap<>(params);
        sorted.remove("api_key");
        return sorted.toString();
    }

}
