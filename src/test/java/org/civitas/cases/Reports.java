package org.civitas.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.civitas.cases.intake.NewCase;

/** Test fixture: {@code Reports.aReport().item("SR-07").in("D05", "S0501").build()}. */
public final class Reports {

    private Channel channel = Channel.HOTLINE_12345;
    private String channelRef;
    private LocalDateTime receivedAt;
    private String name = "张三";
    private String phone = "13812345678";
    private boolean anonymous;
    private String district = "D05";
    private String street = "S0501";
    private String address = "中华路 1 号";
    private String description = "路边有暴露垃圾，多日无人清运";
    private String item = "SR-01";
    private BigDecimal lat;
    private BigDecimal lon;
    private String mediaUrl;

    private Reports() {
    }

    public static Reports aReport() {
        return new Reports();
    }

    public Reports item(String code) {
        this.item = code;
        return this;
    }

    public Reports in(String districtCode, String streetCode) {
        this.district = districtCode;
        this.street = streetCode;
        return this;
    }

    public Reports address(String a) {
        this.address = a;
        return this;
    }

    public Reports phone(String p) {
        this.phone = p;
        return this;
    }

    public Reports anonymous() {
        this.anonymous = true;
        this.name = null;
        return this;
    }

    public Reports channel(Channel c, String ref) {
        this.channel = c;
        this.channelRef = ref;
        return this;
    }

    /** Coordinates, e.g. {@code at("30.550000", "114.300000")}. */
    public Reports at(String latitude, String longitude) {
        this.lat = new BigDecimal(latitude);
        this.lon = new BigDecimal(longitude);
        return this;
    }

    public Reports description(String d) {
        this.description = d;
        return this;
    }

    /** A photo link the channel holds (Open311's {@code media_url}). */
    public Reports mediaUrl(String url) {
        this.mediaUrl = url;
        return this;
    }

    public NewCase build() {
        return new NewCase(channel, channelRef, receivedAt, name, phone, anonymous, district, street, address, lat, lon,
                description, item, mediaUrl);
    }
}
