package org.civitas.base;

import java.util.Map;

/** A feature that knows who acts under which login (users, channel systems): login → the name people read. */
public interface ActorNameSource {

    Map<String, String> actorNames();
}
