package dev.payhooks.persistence.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** One row of {@code channel_provider}: a provider's settings as JSON, its secrets sealed. */
@Embeddable
public class ChannelProviderSettings {

    String endpointKey;
    @Column(name = "setting_values", nullable = false) String values;
    @Column(nullable = false) String sealedSecrets;

    protected ChannelProviderSettings() {
        // for JPA
    }

    ChannelProviderSettings(String endpointKey, String values, String sealedSecrets) {
        this.endpointKey = endpointKey;
        this.values = values;
        this.sealedSecrets = sealedSecrets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelProviderSettings other && Objects.equals(endpointKey, other.endpointKey)
            && Objects.equals(values, other.values) && Objects.equals(sealedSecrets, other.sealedSecrets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpointKey, values, sealedSecrets);
    }
}
