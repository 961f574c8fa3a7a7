package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    static Optional<String> check(String password) {
        return PasswordPolicy.check(password, "zhangwei", "张伟");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcdefghij1", "A1!", ""})
    void a_password_shorter_than_twelve_characters_is_refused(String password) {
        assertThat(check(password)).contains("password.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "ABCDEFGHIJKL", "abcdefABCDEF", "abcdef123456", "123456!!!!!!"})
    void twelve_characters_from_fewer_than_three_classes_are_refused(String password) {
        assertThat(check(password)).contains("password.tooSimple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dispatch-Clerk-27x", "riverGATE#2026", "Demo@Civitas2026", "文明城市abcDEF12",
            "Kx9!mQ2vLp7#"})
    void twelve_characters_from_three_or_four_classes_are_accepted(String password) {
        assertThat(check(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password1234", "PASSWORD1234!", "P@ssw0rd2026!", "Password!!2026", "2026!Password",
            "Qwertyuiop123!", "Iloveyou2026!", "Woaini5201314!", "1qaz2wsx3EDC!", "Sunshine123456", "Administrator1!"})
    void a_common_or_leaked_password_is_refused_also_with_digits_and_symbols_around_it(String password) {
        assertThat(check(password)).contains("password.common");
    }

    @ParameterizedTest
    @CsvSource({
            "Zhangwei-2026!, contains the login name",
            "2026!iewgnahZ#, the login name reversed",
            "张伟的密码Abc2026!, contains the display name",
    })
    void a_password_containing_the_users_own_names_is_refused(String password, String why) {
        assertThat(check(password)).as(why).contains("password.containsName");
    }

    @Test
    void the_parts_of_a_latin_display_name_count_from_three_letters() {
        assertThat(PasswordPolicy.check("Smithfield-2026!", "jsmith", "John Smith")).contains("password.containsName");
        assertThat(PasswordPolicy.check("Jo-Xylophone-26", "xyz99", "Jo Li")).isEmpty();
    }

    @Test
    void the_shipped_list_is_loaded() {
        assertThat(PasswordPolicy.common("password")).isTrue();
        assertThat(PasswordPolicy.common("Tz6#vQ-river-Lamp")).isFalse();
    }
}
