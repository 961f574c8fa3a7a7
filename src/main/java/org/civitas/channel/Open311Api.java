package org.civitas.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civitas.base.identity.CurrentUser;
import org.civitas.catalog.ItemView;
import org.civitas.channel.Open311Document.Format;
import org.civitas.channel.Open311Document.Repeated;
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

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Catalog services;
    private final Open311Mapping mapping;
    private final PublicRequests requests;
    private final ChannelService channels;
    private final IdempotencyKeys idempotency;
    private final CurrentUser user;
    private final String jurisdiction;
    /** Rows of one GET requests at most (the spec allows fewer than its 1,000); a client narrows by end_date. */
    private final int maxRows;
    private final Json json;

    Open311Api(Open311Catalog services, Open311Mapping mapping, PublicRequests requests, ChannelService channels,
               IdempotencyKeys idempotency, CurrentUser user,
               @Value("${civitas.open311.jurisdiction:civitas}") String jurisdiction,
               @Value("${civitas.open311.max-rows:200}") int maxRows, Json json) {
        this.services = services;
        this.mapping = mapping;
        this.requests = requests;
        this.channels = channels;
        this.idempotency = idempotency;
        this.user = user;
        this.jurisdiction = jurisdiction;
        this.maxRows = Math.max(1, Math.min(maxRows, PublicRequests.MAX_ROWS));
        this.json = json;
    }

    // --- discovery and services -------------------------------------------------------------------------------

    @Operation(summary = "Service discovery")
    @GetMapping({"/discovery.{format}", "/v2/discovery.{format}"})
    ResponseEntity<String> discovery(@PathVariable String format,
                                     @RequestHeader(name = "Accept-Language", required = false) String language) {
        Format f = format(format);
        Locale locale = Open311Document.locale(language);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/open311/v2").toUriString());
        endpoint.put("changeset", mapping.changeset());
        endpoint.put("type", "production");
        endpoint.put("formats", new Repeated("format", List.of("text/xml", "application/json")));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", mapping.changeset());
        d.put("contact", ApiErrors.text("open311.discovery.contact", locale));
        d.put("key_service", ApiErrors.text("open311.discovery.keyService", locale));
        d.put("endpoints", new Repeated("endpoint", List.of(endpoint)));
        return ok(new Open311Document("discovery", d), f);
    }

    @Operation(summary = "GET Service List: the items of the negative list")
    @GetMapping("/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                    @RequestHeader(name = "Accept-Language", required = false) String language) {
        Format f = format(format);
        checkJurisdiction(jurisdictionId);
        List<Map<String, Object>> list = new ArrayList<>(services.items().values().stream().map(services::service)
                .toList());
        list.add(services.other(Open311Document.locale(language)));
        return ok(new Open311Document("services", new Repeated("service", list)), f);
    }

    @Operation(summary = "GET Service Definition: district and street attributes")
    @GetMapping("/v2/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                      @RequestHeader(name = "Accept-Language", required = false) String language) {
        Format f = format(format);
        checkJurisdiction(jurisdictionId);
        // OTHER (no item): the definition with an optional district
        ItemView item = Open311Catalog.OTHER.equals(code) ? null : services.item(code)
                .orElseThrow(() -> new Open311Refusal(HttpStatus.NOT_FOUND, "open311.error.serviceCode", code));
        return ok(new Open311Document("service_definition", services.definition(item,
                Open311Document.locale(language))), f);
    }

    // --- requests ---------------------------------------------------------------------------------------------

    @Operation(summary = "POST Service Request (api_key)")
    @PostMapping(path = "/v2/requests.{format}")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
                                  @RequestHeader(name = "Accept-Language", required = false) String language,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idemKey,
                                  @RequestHeader(name = "Content-Type", required = false) String contentType) {
        Format f = format(format);
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(parse(contentType))) {
            // the spec's error list, not Spring's problem document
            throw new Open311Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "open311.error.form");
        }
        ChannelSystem system = system();
        Locale locale = Open311Document.locale(language);
        return idempotency.run(system.code(), idemKey,
                () -> IntakeApi.hash("POST /open311/requests." + f, canonical(params)),
                () -> {
                    checkJurisdiction(params.getFirst("jurisdiction_id"));
                    return ok(mapping.file(system, params, locale), f);
                },
                (status, key) -> Open311Document.errors(status, ApiErrors.text(key, locale)).respond(status, f, json));
    }

    @Operation(summary = "GET Service Requests: newest first, at most civitas.open311.max-rows (200), 90 days")
    @GetMapping("/v2/requests.{format}")
    ResponseEntity<String> list(@PathVariable String format,
                                @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                @RequestParam(name = "service_request_id", required = false) String ids,
                                @RequestParam(name = "service_code", required = false) String codes,
                                @RequestParam(name = "start_date", required = false) String startDate,
                                @RequestParam(name = "end_date", required = false) String endDate,
                                @RequestParam(name = "status", required = false) String status,
                                @RequestParam(name = "page_size", required = false) String pageSize,
                                @RequestHeader(name = "Accept-Language", required = false) String language) {
        Format f = format(format);
        checkJurisdiction(jurisdictionId);
        int limit = pageSize(pageSize);
        List<String> numbers = list(ids);
        if (numbers.size() > PublicRequests.MAX_NUMBERS) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.tooManyIds",
                    PublicRequests.MAX_NUMBERS);
        }
        Set<Boolean> open = new LinkedHashSet<>();
        for (String s : list(status)) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "open" -> open.add(true);
                case "closed" -> open.add(false);
                default -> throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.status");
            }
        }
        LocalDateTime[] range = mapping.range(startDate, endDate);
        List<PublicRequests.Row> rows = requests.search(new PublicRequests.Query(numbers, list(codes), range[0],
                range[1], open, limit));
        return ok(mapping.requestList(rows, Open311Document.locale(language)), f);
    }

    @Operation(summary = "GET Service Request")
    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
                               @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                               @RequestHeader(name = "Accept-Language", required = false) String language) {
        Format f = format(format);
        checkJurisdiction(jurisdictionId);
        PublicRequests.Row row = requests.byNumber(id)
                .orElseThrow(() -> new Open311Refusal(HttpStatus.NOT_FOUND, "open311.error.notFound", id));
        return ok(mapping.requestList(List.of(row), Open311Document.locale(language)), f);
    }

    @Operation(summary = "GET service_request_id from a token: none are issued (realtime)")
    @GetMapping("/v2/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestHeader(name = "Accept-Language", required = false) String language) {
        format(format);
        throw new Open311Refusal(HttpStatus.NOT_FOUND, "open311.error.token");
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    /** {@code page_size}: 1 to the cap; none means the cap. */
    private int pageSize(String pageSize) {
        if (pageSize == null || pageSize.isBlank()) {
            return maxRows;
        }
        try {
            int n = Integer.parseInt(pageSize.strip());
            if (n >= 1 && n <= maxRows) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.pageSize", maxRows);
    }

    private void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdiction.equals(jurisdictionId.strip())) {
            throw new Open311Refusal(HttpStatus.NOT_FOUND, "open311.error.jurisdiction", jurisdictionId.strip());
        }
    }

    private ChannelSystem system() {
        return channels.caller(user.username());
    }

    /** The format of the resource's suffix; another suffix is refused (in JSON) before anything else is read. */
    private static Format format(String suffix) {
        Format f = Format.of(suffix);
        if (f == null) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.format");
        }
        return f;
    }

    private ResponseEntity<String> ok(Open311Document document, Format f) {
        return document.respond(HttpStatus.OK, f, json);
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The request's parameters in a fixed order, the key excepted: what makes two requests "the same". */
    private static String canonical(MultiValueMap<String, String> params) {
        Map<String, List<String>> sorted = new TreeMap<>(params);
        sorted.remove("api_key");
        return sorted.toString();
    }
}
