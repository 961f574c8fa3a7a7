package org.civitas.cases;

/** Why a case closed: rated by the complainant, not rated in time (left out of satisfaction), or by a supervisor. */
public enum CloseReason {
    RATED, NOT_RATED, SUPERVISOR
}
