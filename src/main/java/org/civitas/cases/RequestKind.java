package org.civitas.cases;

public enum RequestKind {
    EXTENSION, RETURN
}
