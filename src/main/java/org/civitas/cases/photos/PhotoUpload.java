package org.civitas.cases.photos;

/** A photo as uploaded: its name and bytes. Its type is decided by its content, never by its name. */
public record PhotoUpload(String fileName, byte[] data) {
}
