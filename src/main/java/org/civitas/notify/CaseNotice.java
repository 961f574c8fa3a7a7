package org.civitas.notify;

import java.util.List;

/**
 * One case to tell the clerks of {@code unitCode} about, with the arguments of the message (as for
 * {@link NotificationService#notifyUnit}). A unit of null reaches nobody.
 */
public record CaseNotice(String unitCode, long caseId, String caseNumber, List<?> args) {

    public CaseNotice {
        args = List.copyOf(args);
    }
}
