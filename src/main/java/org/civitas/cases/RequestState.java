package org.civitas.cases;

public enum RequestState {
    PENDING, APPROVED, REJECTED
}
