package dev.payhooks.domain.provider;

import dev.payhooks.domain.inbound.NotificationKey;

import java.util.Objects;

/**
 * What a provider adapter read from a notification: the key that makes a resent copy the same
 * notification, a short description for staff ("walley:order:created Authorized"), and its
 * effect on the domain.
 */
public record DecodedNotification(NotificationKey key, String description, NotificationEffect effect) {

    public DecodedNotification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(effect, "effect");
    }
}
