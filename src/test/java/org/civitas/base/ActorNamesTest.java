package org.civitas.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civitas.base.identity.CurrentUser;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Logins become the names people read: users by display name, channel systems by name, the system as 系统. */
@IntegrationTest
class ActorNamesTest {

    static final Map<String, String> CHINESE = Map.of("actor.system", "系统", "actor.citizen", "市民");

    @Autowired ActorNames names;

    @Test
    void users_show_by_display_name_and_the_system_and_citizens_by_a_word() {
        assertThat(names.of("clerk.wuchang", CHINESE::get)).isEqualTo("武昌区经办人");
        assertThat(names.of("supervisor", CHINESE::get)).isEqualTo("市文明办督办员");
        assertThat(names.of(CurrentUser.SYSTEM, CHINESE::get)).isEqualTo("系统");
        assertThat(names.of(ActorNames.CITIZEN, CHINESE::get)).isEqualTo("市民");
    }

    @Test
    void a_units_step_without_a_known_person_shows_under_the_units_name() {
        assertThat(names.of("clerk.D12", CHINESE::get)).isEqualTo("新洲区");
        assertThat(names.of("clerk.wuchang", CHINESE::get)).as("a user's own name first").isEqualTo("武昌区经办人");
    }

    @Test
    void a_login_nobody_knows_shows_as_it_was_recorded() {
        assertThat(names.of("someone.gone", CHINESE::get)).isEqualTo("someone.gone");
        assertThat(names.of(null, CHINESE::get)).isEmpty();
    }
}
