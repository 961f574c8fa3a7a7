package org.civitas.supervision;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.CasesFiled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open views (the board, the inbox) that cases changed, by server push. It hears every committed new case
 * ({@link CasesFiled}), case change ({@link CaseChanged}) and sweep or supervision event; a change that rolls back
 * is never announced. Each registration is refreshed at most once per {@code civitas.push.debounce-ms}: a burst of
 * changes costs one refresh, and the last change of a burst is never missed. A sweep step arrives as one event for
 * all its cases.
 *
 * <p>Registrations live in this node's memory with the UI they belong to. A node pushes the changes made on it at
 * once; changes made on other nodes arrive through {@link ClusterChanges}, which watches the database.
 */
@Component
public class CaseBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(CaseBroadcaster.class);

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-broadcaster");
        t.setDaemon(true);
        return t;
    });
    private final long debounceMillis;

    CaseBroadcaster(@Value("${civitas.push.debounce-ms:1000}") long debounceMillis) {
        this.debounceMillis = debounceMillis;
    }

    /**
     * Runs {@code refresh} in {@code ui} (through {@code ui.access}) after cases change, as the user who registered,
     * so that the guarded services it calls see that user. Remove the registration when the view detaches.
     */
    public Registration register(UI ui, Runnable refresh) {
        // a copy: the request's context object may be reused and changed after this call
        SecurityContext user = SecurityContextHolder.createEmptyContext();
        user.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Runnable asUser = new DelegatingSecurityContextRunnable(refresh, user);
        return subscribe(task -> {
            try {
                ui.access(task::run);
            } catch (UIDetachedException gone) {
                log.debug("UI {} detached before a push", ui.getUIId());
            }
        }, asUser);
    }

    /** A listener outside any UI: {@code onChange} runs on the broadcaster's thread. */
    public Registration subscribe(Runnable onChange) {
        return subscribe(Runnable::run, onChange);
    }

    private Registration subscribe(Consumer<Runnable> runner, Runnable onChange) {
        Listener l = new Listener(runner, onChange);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseChanged e) {
        changed();
    }

    /** New cases, however they came in (one or a channel's batch): one refresh for all of them. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CasesFiled e) {
        changed();
    }

    /** A sweep step is one event whatever the number of its cases, so one refresh, not one per case. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CasesWarned e) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CasesOverdue e) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CasesSupervised e) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SupervisionOrderIssued e) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SupervisionOrderAnswered e) {
        changed();
    }

    int listenerCount() {
        return listeners.size();
    }

    void changed() {
        listeners.forEach(Listener::changed);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** One registration with its debounce: at most one refresh pending, and none sooner than the interval. */
    private final class Listener {

        private final Consumer<Runnable> runner;
        private final Runnable onChange;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile long lastRun;

        Listener(Consumer<Runnable> runner, Runnable onChange) {
            this.runner = runner;
            this.onChange = onChange;
        }

        void changed() {
            if (pending.compareAndSet(false, true)) {
                long wait = Math.max(0, lastRun + debounceMillis - System.currentTimeMillis());
                executor.schedule(this::fire, wait, TimeUnit.MILLISECONDS);
            }
        }

        private void fire() {
            // cleared first: a change arriving while the refresh runs schedules the next one
            pending.set(false);
            lastRun = System.currentTimeMillis();
            try {
                runner.accept(onChange);
            } catch (RuntimeException e) {
                log.warn("A push refresh failed", e);
            }
        }
    }
}
