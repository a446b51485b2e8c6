package dev.payhooks.domain.merchant;

import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.payment.ProviderId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider's configuration for one channel: plain values, sealed secrets, and (for
 * providers that notify the hub) the unguessable key in the channel's notification URL.
 * Built by {@link ProviderSettingsInput}, which checks everything against the schema.
 */
public final class ProviderSettings {

    private final ProviderId provider;
    private final String endpointKey;
    private final Map<String, String> values;
    private final Map<String, SealedSecret> secrets;

    public ProviderSettings(ProviderId provider, String endpointKey, Map<String, String> values,
                            Map<String, SealedSecret> secrets) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.endpointKey = endpointKey;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    public ProviderId provider() { return provider; }
    public Optional<String> endpointKey() { return Optional.ofNullable(endpointKey); }
    public Map<String, String> values() { return values; }
    public Map<String, SealedSecret> secrets() { return secrets; }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<SealedSecret> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** The context a secret of this provider is sealed in; binds the ciphertext to its field. */
    public static String secretContext(ProviderId provider, String field) {
        return "provider-settings/" + provider.slug() + "/" + field;
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + provider.slug() + ", values=" + values + ", secrets=" + secrets.keySet() + "]";
    }
}
