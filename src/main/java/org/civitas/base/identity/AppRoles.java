package org.civitas.base.identity;

import java.util.List;

/** The roles of docs/design.md §2. Names without the ROLE_ prefix, as {@code @RolesAllowed} and {@code hasRole} take them. */
public final class AppRoles {

    public static final String OPERATOR = "OPERATOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String UNIT_CLERK = "UNIT_CLERK";
    public static final String INSPECTOR = "INSPECTOR";
    public static final String LEADER = "LEADER";
    public static final String ADMIN = "ADMIN";
    public static final String AUDITOR = "AUDITOR";
    /**
     * 安全管理员: the security of accounts, not their content: lifts login waits, resets a user's TOTP, sees and ends
     * the sessions of all users. Neither creates users nor reads the audit log (等保 三员分立 with ADMIN and AUDITOR).
     */
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    /** A channel system (12345 platform, app, WeChat) calling the API with its key: never a person's role. */
    public static final String CHANNEL = "CHANNEL";

    public static final List<String> ALL = List.of(OPERATOR, SUPERVISOR, UNIT_CLERK, INSPECTOR, LEADER, ADMIN, AUDITOR,
            SECURITY_ADMIN);

    private AppRoles() {
    }
}
