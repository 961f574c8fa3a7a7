package org.civitas.base;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The name a person reads for whoever acted: a user's display name, a channel system's name, 系统 for the system's
 * own steps, 系统分类 for the classifier's and 市民 for a citizen, never a login such as {@code clerk.wuchang}.
 * Histories, orders and the audit log store logins (they never change); this turns them into names when shown. The
 * names are read from their {@link ActorNameSource}s at most once a minute.
 */
@Component
public class ActorNames {

    /** The login the system's own steps carry (the same as {@code CurrentUser.SYSTEM}). */
    public static final String SYSTEM = "system";
    /** The login a citizen's own steps carry on the public pages. */
    public static final String CITIZEN = "citizen";
    /** The login the classifier's automatic classification carries (DD051). */
    public static final String CLASSIFIER = "classifier";
    private static final long TTL_MILLIS = 60_000;

    private final List<ActorNameSource> sources;
    private final Clock clock;
    private volatile Map<String, String> names = Map.of();
    private volatile long loadedAt = Long.MIN_VALUE;

    ActorNames(List<ActorNameSource> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * The name to show for a login, in the language of {@code translate} (a component's or a report's translation):
     * {@code actor.system}, {@code actor.citizen}, else the person's or channel's name, else the login itself.
     */
    public String of(String actor, Function<String, String> translate) {
        if (actor == null || actor.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(actor)) {
            return translate.apply("actor.system");
        }
        if (CITIZEN.equals(actor)) {
            return translate.apply("actor.citizen");
        }
        if (CLASSIFIER.equals(actor)) {
            return translate.apply("actor.classifier");
        }
        String name = current().get(actor);
        return name == null || name.isBlank() ? actor : name;
    }

    /** Forgets the names read, so a renamed user shows under the new name at once. */
    public void forget() {
        loadedAt = Long.MIN_VALUE;
    }

    private Map<String, String> current() {
        long now = clock.millis();
        if (loadedAt == Long.MIN_VALUE || now - loadedAt > TTL_MILLIS || now < loadedAt) {
            Map<String, String> all = new HashMap<>();
            // in the sources' order: a user's own name wins over any other source's name for the same login
            sources.forEach(s -> s.actorNames().forEach(all::putIfAbsent));
            names = Map.copyOf(all);
            loadedAt = now;
        }
        return names;
    }
}
