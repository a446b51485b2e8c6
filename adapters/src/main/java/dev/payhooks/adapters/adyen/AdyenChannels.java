package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Account;
import dev.payhooks.adapters.saleor.ConfiguredChannels;
import dev.payhooks.application.saleor.ProviderChannel;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.ProviderConfiguration;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A channel's Adyen configuration as the Saleor app needs it. The Checkout base URL is the
 * channel's {@code apiBaseUrl}; without one, TEST uses Adyen's test endpoint, or the hub's own
 * simulator when one is given (sandbox mode). LIVE needs {@code apiBaseUrl}: Adyen's live
 * endpoints carry a per-merchant prefix the hub cannot guess.
 */
public class AdyenChannels extends ConfiguredChannels<AdyenChannels.AdyenChannel> {

    public static final URI ADYEN_TEST_CHECKOUT = URI.create("https://checkout-test.adyen.com/v71");

    /** One configured channel. */
    public record AdyenChannel(Merchant merchant, Channel channel, Account account, String merchantAccount,
                               String clientKey, String environment, boolean charges) implements ProviderChannel {

        @Override
        public boolean chargesAtOnce() {
            return charges;
        }
    }

    /** @param simulator where the hub's own Adyen simulator is (sandbox mode) at the time of a call */
    public AdyenChannels(Merchants merchants, Channels channels, Secrets secrets, Supplier<Optional<URI>> simulator) {
        super(ProviderId.ADYEN, merchants, channels, secrets, simulator);
    }

    /** Empty when the API key, merchant account, client key or (LIVE) base URL is missing. */
    @Override
    protected Optional<AdyenChannel> configured(Merchant merchant, Channel channel, ProviderSettings settings) {
        ProviderConfiguration configuration = new ProviderConfiguration(settings, secrets);
        Optional<String> apiKey = configuration.secret("apiKey");
        Optional<String> merchantAccount = configuration.value("merchantAccount");
        Optional<String> clientKey = configuration.value("clientKey");
        String environment = configuration.value("environment").orElse("TEST");
        Optional<URI> base = configuration.value("apiBaseUrl").map(URI::create)
            .or(() -> "LIVE".equals(environment) ? Optional.empty() : Optional.of(simulator.get().orElse(ADYEN_TEST_CHECKOUT)));
        if (apiKey.isEmpty() || merchantAccount.isEmpty() || clientKey.isEmpty() || base.isEmpty()) {
            return Optional.empty();
        }
        boolean charges = configuration.value("captureStrategy").map("CHARGE"::equalsIgnoreCase).orElse(false);
        return Optional.of(new AdyenChannel(merchant, channel, new Account(base.get(), apiKey.get()),
            merchantAccount.get(), clientKey.get(), environment, charges));
    }
}
