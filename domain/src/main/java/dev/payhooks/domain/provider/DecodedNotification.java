package dev.payhooks.domain.provider;

import dev.payhooks.domain.inbound.NotificationKey;

import java.util.Objects;
import java.util.Optional;

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

    /**
     * What the notification's order matters against: the payment it is about
     * ({@link TransactionTarget#orderingKey}), or the subscription; empty when it has no effect.
     */
    public Optional<String> orderingKey() {
        if (effect instanceof NotificationEffect.OnTransaction onTransaction) {
            return onTransaction.target().orderingKey();
        }
        if (effect instanceof NotificationEffect.OnSubscription subscription) {
            return Optional.of("subscription:" + subscription.subscriptionId());
        }
        return Optional.empty();
    }
}
