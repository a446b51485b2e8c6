package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.saleor.ConfiguredChannels;
import dev.payhooks.application.saleor.NpAtobaraiChannel;
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
 * A Saleor channel slug → the hub channel and its NP Atobarai settings (merchant code, SP code,
 * terminal id, default PD code, SKU as name, API base URL). Without an {@code apiBaseUrl} the
 * channel uses NP's endpoint for its {@code environment}, or the hub's simulator in sandbox mode.
 */
public class NpAtobaraiChannels extends ConfiguredChannels<NpAtobaraiChannels.NpChannel> {

    public static final URI NP_SANDBOX = URI.create("https://ctcp.np-payment-gateway.com/v1/");
    public static final URI NP_PRODUCTION = URI.create("https://cp.np-payment-gateway.com/v1/");

    /** One configured channel. */
    public record NpChannel(Merchant merchant, Channel channel, NpCredentials credentials, String defaultPdCode,
                            boolean skuAsName) implements NpAtobaraiChannel {

        /** NP Atobarai is a deferred payment: the session is the charge. */
        @Override
        public boolean chargesAtOnce() {
            return true;
        }

        @Override
        public Optional<String> defaultCarrierCode() {
            return Optional.ofNullable(defaultPdCode);
        }
    }

    /** @param simulator where the hub's own NP simulator is (sandbox mode) at the time of a call */
    public NpAtobaraiChannels(Merchants merchants, Channels channels, Secrets secrets, Supplier<Optional<URI>> simulator) {
        super(ProviderId.NP_ATOBARAI, merchants, channels, secrets, simulator);
    }

    /** Empty when a credential is missing. */
    @Override
    protected Optional<NpChannel> configured(Merchant merchant, Channel channel, ProviderSettings s) {
        return credentials(s).map(credentials -> new NpChannel(merchant, channel, credentials,
            s.value("shippingCompanyCode").orElse(null), Boolean.parseBoolean(s.value("skuAsName").orElse("false"))));
    }

    /** How to reach NP with these settings (stored or about to be); empty when a credential is missing. */
    public Optional<NpCredentials> credentials(ProviderSettings s) {
        Optional<String> merchantCode = s.value("merchantCode");
        Optional<String> terminalId = s.value("terminalId");
        var sealedSp = s.secret("secretSpCode");
        if (merchantCode.isEmpty() || terminalId.isEmpty() || sealedSp.isEmpty()) {
            return Optional.empty();
        }
        String spCode = secrets.open(sealedSp.get(), ProviderSettings.secretContext(ProviderId.NP_ATOBARAI, "secretSpCode"));
        URI base = s.value("apiBaseUrl").filter(u -> !u.isBlank()).map(URI::create)
            .orElseGet(() -> simulator.get().orElse("production".equals(s.value("environment").orElse("sandbox"))
                ? NP_PRODUCTION : NP_SANDBOX));
        return Optional.of(new NpCredentials(base, merchantCode.get(), spCode, terminalId.get()));
    }
}
