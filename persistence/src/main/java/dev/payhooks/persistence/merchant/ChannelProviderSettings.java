package dev.payhooks.persistence.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One row of {@code channel_provider}: a provider's settings as JSON, its secrets sealed. */
@Embeddable
public record ChannelProviderSettings(
    String endpointKey,
    @Column(name = "setting_values", nullable = false) String values,
    @Column(nullable = false) String sealedSecrets) {
}
