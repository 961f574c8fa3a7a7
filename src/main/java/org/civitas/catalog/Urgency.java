package org.civitas.catalog;

/** 应急类 / 非应急类: emergency items are signed within 30 minutes and counted in clock hours. */
public enum Urgency {
    EMERGENCY,
    NORMAL
}
