package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Abcdefghij1", "A1!", ""})
    void a_password_shorter_than_twelve_characters_is_refused(String password) {
        assertThat(PasswordPolicy.check(password)).contains("password.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "ABCDEFGHIJKL", "abcdefABCDEF", "abcdef123456", "123456!!!!!!"})
    void twelve_characters_from_fewer_than_three_classes_are_refused(String password) {
        assertThat(PasswordPolicy.check(password)).contains("password.tooSimple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefABC123", "abcdef123!!!", "ABCDEF123!!!", "Demo@Civitas2026", "文明城市abcDEF12"})
    void twelve_characters_from_three_or_four_classes_are_accepted(String password) {
        assertThat(PasswordPolicy.check(password)).isEmpty();
    }
}
