package org.civitas.audit;

/**
 * Something the audit log must keep. Features publish it inside the transaction of the change they audit; the
 * audit feature stores it in that same transaction, so a change and its audit row commit or roll back together.
 *
 * @param actor      user name, or the name tried at a failed login
 * @param action     what happened, e.g. {@code LOGIN_FAILED}, {@code LIST_ITEM_UPDATED}
 * @param targetType the kind of thing changed, e.g. {@code list_item}
 * @param targetId   its key
 * @param before     its state before (JSON), or null
 * @param after      its state after (JSON), or null
 * @param detail     a short free text, e.g. the reason given
 */
public record AuditEvent(String actor, String action, String targetType, String targetId,
                         String before, String after, String detail) {

    public static AuditEvent of(String actor, String action, String detail) {
        return new AuditEvent(actor, action, null, null, null, null, detail);
    }

    public static AuditEvent change(String actor, String action, String targetType, Object targetId,
                                    String before, String after) {
        return new AuditEvent(actor, action, targetType, String.valueOf(targetId), before, after, null);
    }
}
