package org.civitas.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refused start-up into Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
public class MissingTotpKeyFailureAnalyzer extends AbstractFailureAnalyzer<TotpCipher.MissingTotpKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TotpCipher.MissingTotpKeyException cause) {
        return new FailureAnalysis(TotpCipher.MissingTotpKeyException.MESSAGE,
                "Set CIVITAS_TOTP_KEY, e.g. to the output of 'openssl rand -base64 32', in the node's environment "
                        + "(deploy/systemd/civitas.env) and keep it out of the database and its backups.", cause);
    }
}
