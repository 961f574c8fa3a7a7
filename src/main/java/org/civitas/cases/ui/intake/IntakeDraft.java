package org.civitas.cases.ui.intake;

import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.intake.PhoneNumbers;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;

/** What the operator has typed so far: the Binder's bean, turned into a {@link NewCase} on saving. */
class IntakeDraft {

    private Channel channel = Channel.HOTLINE_12345;
    private String name = "";
    private String phone = "";
    private boolean anonymous;
    private UnitView district;
    private UnitView street;
    private String address = "";
    private String description = "";
    private ItemView item;

    IntakeDraft() {
    }

    IntakeDraft(Channel channel) {
        this.channel = channel;
    }

    /** Operators read numbers out in groups ("138 1234 5678"); the spaces are not part of the number. */
    static String normalizePhone(String phone) {
        return PhoneNumbers.normalize(phone);
    }

    static boolean validPhone(String phone) {
        return PhoneNumbers.valid(normalizePhone(phone));
    }

    NewCase toNewCase() {
        String phoneDigits = normalizePhone(phone);
        return new NewCase(channel, null, null, anonymous ? null : blankToNull(name),
                phoneDigits.isEmpty() ? null : phoneDigits, anonymous, district == null ? null : district.code(),
                street == null ? null : street.code(), address.trim(), null, null, description.trim(),
                item == null ? null : item.code());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Channel getChannel() {
        return channel;
    }

    void setChannel(Channel channel) {
        this.channel = channel;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name == null ? "" : name;
    }

    String getPhone() {
        return phone;
    }

    void setPhone(String phone) {
        this.phone = phone == null ? "" : phone;
    }

    boolean isAnonymous() {
        return anonymous;
    }

    void setAnonymous(Boolean anonymous) {
        this.anonymous = Boolean.TRUE.equals(anonymous);
    }

    UnitView getDistrict() {
        return district;
    }

    void setDistrict(UnitView district) {
        this.district = district;
    }

    UnitView getStreet() {
        return street;
    }

    void setStreet(UnitView street) {
        this.street = street;
    }

    String getAddress() {
        return address;
    }

    void setAddress(String address) {
        this.address = address == null ? "" : address;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    ItemView getItem() {
        return item;
    }

    void setItem(ItemView item) {
        this.item = item;
    }
}
