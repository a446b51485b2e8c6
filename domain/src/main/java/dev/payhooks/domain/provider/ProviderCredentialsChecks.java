package dev.payhooks.domain.provider;

import dev.payhooks.domain.payment.ProviderId;

import java.util.List;
import java.util.Optional;

/** The credentials checks the installed provider adapters offer, one per provider at most. */
public class ProviderCredentialsChecks {

    private final OnePerProvider<ProviderCredentialsCheck> checks;

    public ProviderCredentialsChecks(List<ProviderCredentialsCheck> checks) {
        this.checks = new OnePerProvider<>(checks, ProviderCredentialsCheck::provider, "credentials checks");
    }

    public Optional<ProviderCredentialsCheck> of(ProviderId provider) {
        return checks.of(provider);
    }
}
