package dev.payhooks.domain.provider;

import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.ProviderSettingsInput;
import dev.payhooks.domain.port.Secrets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's configuration of one provider as a provider adapter reads it: plain values, and
 * secrets opened only when asked for (they never leave the adapter that needs them).
 */
public final class ProviderConfiguration {

    private final ProviderSettings settings;
    private final Secrets secrets;

    public ProviderConfiguration(ProviderSettings settings, Secrets secrets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public Optional<String> value(String name) {
        return settings.value(name).filter(v -> !v.isBlank());
    }

    /** A FLAG setting; absent means false. */
    public boolean flag(String name) {
        return settings.value(name).map(Boolean::parseBoolean).orElse(false);
    }

    public Optional<String> secret(String name) {
        return settings.secret(name)
            .map(sealed -> secrets.open(sealed, ProviderSettings.secretContext(settings.provider(), name)))
            .filter(v -> !v.isEmpty());
    }

    /** A SECRET_LIST setting (e.g. current and previous HMAC key), empty when not set. */
    public List<String> secretList(String name) {
        return secret(name).map(ProviderSettingsInput::secretListValues).orElse(List.of());
    }

    @Override
    public String toString() {
        return "ProviderConfiguration[" + settings.provider().slug() + "]";
    }
}
