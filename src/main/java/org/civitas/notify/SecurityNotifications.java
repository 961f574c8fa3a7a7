package org.civitas.notify;

import java.util.LinkedHashSet;
import java.util.Set;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.LoginBurst;
import org.civitas.security.Recipient;
import org.civitas.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators and security administrators of a burst of failed logins (DD021): once per burst, by the
 * bell and, where they have an address, by e-mail. A plain listener: the notice commits with the count that found
 * the burst.
 */
@Component
class SecurityNotifications {

    private final NotificationService notifications;
    private final UserDirectory directory;

    SecurityNotifications(NotificationService notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    void on(LoginBurst burst) {
        Set<String> admins = new LinkedHashSet<>();
        for (String role : new String[] {AppRoles.ADMIN, AppRoles.SECURITY_ADMIN}) {
            directory.withRole(role).stream().map(Recipient::username).forEach(admins::add);
        }
        if (admins.isEmpty()) {
            return;
        }
        if (burst.account() != null) {
            notifications.notifyUsers(admins, NotificationKind.SECURITY, null, null, "notify.loginBurst.account",
                    burst.account(), burst.failures());
        } else {
            notifications.notifyUsers(admins, NotificationKind.SECURITY, null, null, "notify.loginBurst.address",
                    burst.address(), burst.failures());
        }
    }
}
