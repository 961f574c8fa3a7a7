package org.civitas.channel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.cases.PublicCase;
import org.civitas.cases.intake.CaseLimits;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.channel.Open311Document.Repeated;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What {@link Open311Api}'s endpoints read and write: a filed form turned into a case and its receipt, cases turned
 * into the spec's {@code service_requests}, and the W3C times both ways in the city's zone.
 */
@Component
class Open311Mapping {

    static final Duration MAX_RANGE = Duration.ofDays(90);
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** W3C date-time with seconds and offset, as the spec's examples: {@code 2010-04-14T06:37:38-08:00}. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Open311Catalog services;
    private final CitizenCases citizens;
    private final Clock clock;
    private final ZoneId zone;

    Open311Mapping(Open311Catalog services, CitizenCases citizens, Clock clock,
                   @Value("${civitas.zone:Asia/Shanghai}") ZoneId zone) {
        this.services = services;
        this.citizens = citizens;
        this.clock = clock;
        this.zone = zone;
    }

    // --- filing -----------------------------------------------------------------------------------------------

    /** Files the form as a case of the system's channel; the receipt names the case and who handles it by when. */
    Open311Document file(ChannelSystem system, MultiValueMap<String, String> params, Locale locale) {
        String code = param(params, "service_code");
        if (code == null) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.serviceCodeMissing");
        }
        // OTHER: the filer does not know the item; the report goes to the classifier and the queue (DD051)
        ItemView item = Open311Catalog.OTHER.equals(code) ? null : services.item(code)
                .orElseThrow(() -> new Open311Refusal(HttpStatus.NOT_FOUND, "open311.error.serviceCode", code));
        BigDecimal lat = number(param(params, "lat"));
        BigDecimal lng = number(param(params, "long"));
        if ((lat == null) != (lng == null)) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.latLong");
        }
        String addressString = param(params, "address_string");
        String addressId = param(params, "address_id");
        if (lat == null && addressString == null && addressId == null) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.location");
        }
        String district = param(params, "attribute[district]");
        if (district == null && item != null && Open311Catalog.districtRequired(item)) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.districtRequired");
        }
        String address = addressString != null ? addressString
                : addressId != null ? ApiErrors.text("open311.addressId", TranslationProvider.CHINESE, addressId)
                : ApiErrors.text("open311.coordinates", TranslationProvider.CHINESE, lat.toPlainString(), lng.toPlainString());
        String description = param(params, "description");
        if (item == null && description == null) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.descriptionRequired");
        }
        // a link the filer's system holds, kept in its own field; never fetched by the server
        String mediaUrl = param(params, "media_url");
        if (mediaUrl != null && (mediaUrl.length() > CaseLimits.MEDIA_URL
                || !mediaUrl.matches("(?i)https?://[^\\s<>\"'`\\\\]+"))) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.mediaUrl", CaseLimits.MEDIA_URL);
        }
        String phone = param(params, "phone");
        String name = String.join("", nonNull(param(params, "last_name")), nonNull(param(params, "first_name")));
        NewCase report = new NewCase(system.channel(), null, null, name.isEmpty() ? null : name, phone,
                phone == null, district, param(params, "attribute[street]"), address, lat, lng,
                description == null ? item.name() : description, item == null ? null : item.code(), mediaUrl);
        PublicCase c = citizens.report(report, List.of());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.number());
        r.put("service_notice", notice(c, locale));
        r.put("account_id", null);
        return new Open311Document("service_requests", new Repeated("request", List.of(r)));
    }

    private String notice(PublicCase c, Locale locale) {
        if (c.leadUnitCode() != null && c.handleDueAt() != null) {
            return ApiErrors.text("open311.notice.dispatched", locale,
                    Open311Catalog.name(services.units(), c.leadUnitCode()), NOTICE_TIME.format(c.handleDueAt()));
        }
        return ApiErrors.text("open311.notice.registered", locale);
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
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.latLong");
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    Open311Document requestList(List<PublicRequests.Row> rows, Locale locale) {
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
            r.put("media_url", row.mediaUrl());
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

    // --- times ------------------------------------------------------------------------------------------------

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
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.dateRange");
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
                throw new Open311Refusal(HttpStatus.BAD_REQUEST, "open311.error.date", parameter);
            }
        }
    }

    private String w3(LocalDateTime t) {
        return t == null ? null : W3C.format(t.atZone(zone));
    }

    String changeset() {
        return w3(services.changedOn().atStartOfDay());
    }
}
