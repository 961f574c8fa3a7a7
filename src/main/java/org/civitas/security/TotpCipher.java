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
import org.springframework.stereotype.Component;

/**
 * Keeps TOTP secrets encrypted at rest (AES-256-GCM, a fresh 96-bit nonce per secret). The key is the SHA-256 of
 * {@code civitas.security.totp.key}; production must set it (e.g. from an environment variable) and keep it out of
 * the database and its backups. Changing it makes every enrolment unreadable: users must enrol again.
 */
@Component
class TotpCipher {

    static final String DEMO_KEY = "civitas-demo-totp-key-change-me";
    private static final Logger log = LoggerFactory.getLogger(TotpCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TotpCipher(@Value("${civitas.security.totp.key:" + DEMO_KEY + "}") String secret) {
        if (DEMO_KEY.equals(secret)) {
            log.warn("civitas.security.totp.key is not set: TOTP secrets are encrypted with the demo key");
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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
