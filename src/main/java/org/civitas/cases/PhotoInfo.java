package org.civitas.cases;

public record PhotoInfo(long id, PhotoKind kind, String fileName, String contentType, int size) {
}
