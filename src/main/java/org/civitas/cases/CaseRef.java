package org.civitas.cases;

/** A case as the user saw it: an action on a case that changed since is refused, so nothing is lost. */
public record CaseRef(long id, long version) {
}
