package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A node on an external database (production) refuses to start with the public demo TOTP key. */
class TotpKeyTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(TotpCipher.class);

    @Test
    void an_external_database_without_a_totp_key_refuses_to_start_naming_the_variable() {
        runner.withPropertyValues("spring.datasource.url=jdbc:mariadb://db1:3306/civitas").run(context -> {
            assertThat(context).hasFailed();
            Throwable root = context.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(TotpCipher.MissingTotpKeyException.class)
                    .hasMessageStartingWith("CIVITAS_TOTP_KEY is not set");
            FailureAnalysis analysis = new MissingTotpKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("CIVITAS_TOTP_KEY").doesNotContain("\n");
        });
    }

    @Test
    void spring_boot_reports_the_refusal_through_our_failure_analyzer() {
        // Boot's own analyzers want constructor arguments: those that cannot be made here are only logged
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null,
                SpringFactoriesLoader.FailureHandler.logging(LogFactory.getLog(getClass()))))
                .anyMatch(MissingTotpKeyFailureAnalyzer.class::isInstance);
    }

    @Test
    void the_demo_key_set_explicitly_is_refused_too() {
        runner.withPropertyValues("spring.datasource.url=jdbc:mariadb://db1:3306/civitas",
                "civitas.security.totp.key=" + TotpCipher.DEMO_KEY).run(context -> assertThat(context).hasFailed());
    }

    @Test
    void an_external_database_with_a_key_of_its_own_starts_and_round_trips_a_secret() {
        runner.withPropertyValues("spring.datasource.url=jdbc:mariadb://db1:3306/civitas",
                "civitas.security.totp.key=a-long-random-production-secret").run(context -> {
            assertThat(context).hasNotFailed();
            TotpCipher cipher = context.getBean(TotpCipher.class);
            assertThat(cipher.decrypt(cipher.encrypt(new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
        });
    }

    @Test
    void the_embedded_demo_database_starts_with_the_demo_key() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }
}
