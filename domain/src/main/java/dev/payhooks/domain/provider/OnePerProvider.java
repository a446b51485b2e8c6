package dev.payhooks.domain.provider;

import dev.payhooks.domain.payment.ProviderId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the installed provider adapters offer of one kind, found by provider: one per provider at most. */
public final class OnePerProvider<T> {

    private final Map<ProviderId, T> byProvider = new EnumMap<>(ProviderId.class);

    /** {@code what} names the kind in the refusal of two for one provider, e.g. "credentials checks". */
    public OnePerProvider(List<? extends T> offered, Function<? super T, ProviderId> providerOf, String what) {
        for (T item : offered) {
            ProviderId provider = providerOf.apply(item);
            if (byProvider.put(provider, item) != null) {
                throw new IllegalArgumentException("two " + what + " for " + provider);
            }
        }
    }

    public Optional<T> of(ProviderId provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }
}
