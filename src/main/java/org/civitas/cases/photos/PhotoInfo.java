package org.civitas.cases.photos;

public record PhotoInfo(long id, PhotoKind kind, String fileName, String contentType, int size) {
}
