package org.civitas.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the demo users and cases are still being made. The web server answers before the start-up runners that make
 * them have finished (the demo cases take seconds), so the login page says so instead of refusing the demo passwords.
 */
@Component
public class DemoReadiness {

    private final boolean demo;
    private volatile boolean ready;

    @Autowired
    DemoReadiness(ObjectProvider<DemoUsers> demoUsers) {
        this(demoUsers.getIfAvailable() != null);
    }

    DemoReadiness(boolean demo) {
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    /** True on a demo start until every start-up runner is done. */
    public boolean preparing() {
        return demo && !ready;
    }
}
