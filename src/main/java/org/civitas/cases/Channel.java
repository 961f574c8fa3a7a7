package org.civitas.cases;

/** Where a report came from (一号受理: every channel lands in the same case). */
public enum Channel {
    HOTLINE_12345, APP, WECHAT, WEB, INSPECTION, OTHER
}
