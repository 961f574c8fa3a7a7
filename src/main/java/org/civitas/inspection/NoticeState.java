package org.civitas.inspection;

/**
 * 整改通知单: ISSUED to the unit → ANSWERED by its clerk → PASSED or FAILED at the re-inspection (回访检查). A failed
 * notice gets a new deadline and may be answered again; after it the inspector may also set a deadline or issue it
 * again (both back to ISSUED), or hand it to the city office's supervision (SUPERVISED, final: a case carries it on).
 */
public enum NoticeState {
    ISSUED, ANSWERED, PASSED, FAILED, SUPERVISED
}
