package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B (HMAC-SHA1) and the rules on top: ±1 step, six digits, no replay. */
class TotpTest {

    /** The SHA-1 seed of RFC 6238 Appendix B: the ASCII string "12345678901234567890". */
    static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void the_rfc_6238_sha1_test_vectors_pass(long unixTime, String expected) {
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(unixTime)), 8)).isEqualTo(expected);
        // six digits are the same truncation modulo 10^6: the last six of the eight
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(unixTime)), 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void the_code_of_this_step_and_of_one_step_either_side_are_accepted() {
        Instant now = Instant.ofEpochSecond(1111111111); // step 37037037
        assertThat(Totp.verify(SEED, "050471", now, null)).hasValue(37037037);
        assertThat(Totp.verify(SEED, Totp.code(SEED, 37037036, 6), now, null)).hasValue(37037036);
        assertThat(Totp.verify(SEED, Totp.code(SEED, 37037038, 6), now, null)).hasValue(37037038);
    }

    @Test
    void a_wrong_code_and_a_code_two_steps_old_are_refused() {
        Instant now = Instant.ofEpochSecond(1111111111);
        assertThat(Totp.verify(SEED, "050472", now, null)).isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, 37037035, 6), now, null)).isEmpty();
        assertThat(Totp.verify(SEED, "12345", now, null)).isEmpty();
        assertThat(Totp.verify(SEED, "abcdef", now, null)).isEmpty();
    }

    @Test
    void a_code_already_used_is_refused_within_its_window() {
        Instant now = Instant.ofEpochSecond(1111111111);
        assertThat(Totp.verify(SEED, "050471", now, 37037037L)).isEmpty();
        assertThat(Totp.verify(SEED, "050471", now.plusSeconds(30), 37037037L)).isEmpty();
        // an earlier step's code is refused once a later one was used
        assertThat(Totp.verify(SEED, Totp.code(SEED, 37037036, 6), now, 37037037L)).isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, 37037038, 6), now, 37037037L)).hasValue(37037038);
    }

    @Test
    void base32_follows_rfc_4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.fromBase32("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("mzxw 6ytb oi======")).as("lower case, spaces, padding")
                .isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Totp.fromBase32("MZXW1YTBOI")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_otpauth_uri_names_issuer_account_and_parameters() {
        assertThat(Totp.otpauthUri("Civitas", "leader", SEED)).isEqualTo(
                "otpauth://totp/Civitas:leader?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Civitas"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void the_cipher_round_trips_and_does_not_store_the_secret_in_clear() {
        TotpCipher cipher = new TotpCipher("test-key", new org.springframework.mock.env.MockEnvironment());
        String stored = cipher.encrypt(SEED);
        assertThat(stored).doesNotContain(Totp.base32(SEED)).startsWith("v1:");
        assertThat(cipher.decrypt(stored)).isEqualTo(SEED);
        assertThat(cipher.encrypt(SEED)).as("a fresh nonce each time").isNotEqualTo(stored);
    }
}
