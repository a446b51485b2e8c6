package dev.payhooks.admin.channels;

import java.time.Instant;

/** An API key as the console lists it: never the key, only its first characters. */
public record ApiKeyRow(String id, String label, String displayPrefix, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
