package org.civitas.cases;

public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

    public boolean satisfied() {
        return this != DISSATISFIED;
    }
}
