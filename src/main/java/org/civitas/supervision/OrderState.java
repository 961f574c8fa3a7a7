package org.civitas.supervision;

/** An order is open until the unit answers it; the supervisor closes it, answered or not. */
public enum OrderState {
    OPEN, ANSWERED, CLOSED;

    public String labelKey() {
        return "OrderState." + name();
    }
}
