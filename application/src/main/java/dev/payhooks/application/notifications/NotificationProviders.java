package dev.payhooks.application.notifications;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.NotificationProvider;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers whose notifications the hub receives, one per provider. */
public final class NotificationProviders {

    private final Map<ProviderId, NotificationProvider> byId = new EnumMap<>(ProviderId.class);

    public NotificationProviders(List<NotificationProvider> providers) {
        for (NotificationProvider provider : providers) {
            if (byId.put(provider.provider(), provider) != null) {
                throw new IllegalArgumentException("two notification providers for " + provider.provider());
            }
        }
    }

    public Optional<NotificationProvider> of(ProviderId provider) {
        return Optional.ofNullable(byId.get(provider));
    }

    /** Whether a provider's notifications are received here. */
    public boolean receives(ProviderId provider) {
        return byId.containsKey(provider);
    }
}
