package org.civitas.cases.lifecycle;

/** The list item a case is classified under, as the case keeps it (the version it was dispatched under). */
record ItemRef(Long id, Long versionId, String code, String categoryCode, String urgency) {
}
