package dev.payhooks.domain.inbound;

import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;

import java.util.List;

/**
 * Where the acknowledging path stores what a provider sent, before it answers. One call stores
 * the notifications of one request: all of them or none, and what it stored is committed when it
 * returns, so the caller may acknowledge at once. Deduplication is the one of
 * {@link InboundNotifications#store}: a notification whose provider, key, merchant and channel
 * are stored already is a duplicate (the stored one's id comes back), also when an earlier
 * notification of the same call took the key.
 */
public interface NotificationIntake {

    /** One result per notification, in their order. Throws when nothing was stored. */
    List<StoreResult> storeAll(List<InboundNotification> notifications);

    /** {@link #storeAll} for one notification. */
    default StoreResult store(InboundNotification notification) {
        return storeAll(List.of(notification)).get(0);
    }
}
