package org.civitas.cases;

/** 投诉举报人信息保密: 13812345678 → 138****5678; short numbers keep only their last two digits. */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.trim();
        if (p.length() >= 11) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        if (p.length() > 4) {
            return "*".repeat(p.length() - 2) + p.substring(p.length() - 2);
        }
        return "****";
    }
}
