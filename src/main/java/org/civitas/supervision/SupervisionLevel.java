package org.civitas.supervision;

/** How hard the city office presses a unit: 催办, 督办, 挂牌督办 (named in public). Stored by name. */
public enum SupervisionLevel {
    REMINDER, SUPERVISION, LISTED;

    public String labelKey() {
        return "SupervisionLevel." + name();
    }
}
