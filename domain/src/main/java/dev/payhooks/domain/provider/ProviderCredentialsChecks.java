package dev.payhooks.domain.provider;

import dev.payhooks.domain.payment.ProviderId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The credentials checks the installed provider adapters offer, one per provider at most. */
public class ProviderCredentialsChecks {

    private final Map<ProviderId, ProviderCredentialsCheck> byProvider = new EnumMap<>(ProviderId.class);

    public ProviderCredentialsChecks(List<ProviderCredentialsCheck> checks) {
        for (ProviderCredentialsCheck check : checks) {
            if (byProvider.put(check.provider(), check) != null) {
                throw new IllegalArgumentException("two credentials checks for " + check.provider());
            }
        }
    }

    public Optional<ProviderCredentialsCheck> of(ProviderId provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }
}
