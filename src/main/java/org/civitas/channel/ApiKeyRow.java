package org.civitas.channel;

import java.time.LocalDateTime;

/** An API key as administrators see it: never the key, only its first characters. */
public record ApiKeyRow(long id, String systemCode, String prefix, String label, LocalDateTime createdAt,
                        String createdBy, LocalDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
