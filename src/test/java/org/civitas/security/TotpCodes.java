package org.civitas.security;

import java.time.Clock;

/** Test access to the code an authenticator app would show now. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String now(String base32Secret, Clock clock) {
        return Totp.code(Totp.fromBase32(base32Secret), Totp.step(clock.instant()), 6);
    }
}
