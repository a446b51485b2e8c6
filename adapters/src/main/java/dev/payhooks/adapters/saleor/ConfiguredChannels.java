package dev.payhooks.adapters.saleor;

import dev.payhooks.application.saleor.ProviderChannel;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Saleor channel slug → the hub channel with one provider's settings, read into what that
 * provider's Saleor app needs. Empty when the merchant, the channel or its settings for the
 * provider are missing, or when {@link #configured} finds them incomplete.
 *
 * @param <C> one channel as the provider's app sees it
 */
public abstract class ConfiguredChannels<C extends ProviderChannel> {

    private final ProviderId provider;
    private final Merchants merchants;
    private final Channels channels;
    /** Opens the settings' secrets. */
    protected final Secrets secrets;
    /**
     * Where the hub's own simulator of the provider is (sandbox mode) at the time of a call, used
     * when a channel names no API base URL; empty in production mode.
     */
    protected final Supplier<Optional<URI>> simulator;

    protected ConfiguredChannels(ProviderId provider, Merchants merchants, Channels channels, Secrets secrets,
                                 Supplier<Optional<URI>> simulator) {
        this.provider = provider;
        this.merchants = merchants;
        this.channels = channels;
        this.secrets = secrets;
        this.simulator = simulator;
    }

    /**
     * The channel's configuration for the provider. Reads the merchant and the channel through the
     * views it was given: the caches' reading views answer from memory or read in the caller's
     * transaction (one of their own when the caller has none); other views need the caller's.
     */
    public final Optional<C> find(String merchantId, String channelSlug) {
        Optional<Merchant> merchant = merchants.byId(merchantId);
        Optional<Channel> channel = channelSlug == null ? Optional.empty() : channels.bySlug(merchantId, channelSlug);
        Optional<ProviderSettings> settings = channel.flatMap(c -> c.provider(provider));
        if (merchant.isEmpty() || settings.isEmpty()) {
            return Optional.empty();
        }
        return configured(merchant.get(), channel.get(), settings.get());
    }

    /** {@link #find} as the provider-neutral Saleor handlers ask for it. */
    public final Optional<ProviderChannel> channel(String merchantId, String channelSlug) {
        return find(merchantId, channelSlug).map(ProviderChannel.class::cast);
    }

    /** The channel with the provider's settings; empty when a setting the app needs is missing. */
    protected abstract Optional<C> configured(Merchant merchant, Channel channel, ProviderSettings settings);
}
