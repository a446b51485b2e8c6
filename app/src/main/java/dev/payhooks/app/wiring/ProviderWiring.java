package dev.payhooks.app.wiring;

import dev.payhooks.adapters.adyen.AdyenChannels;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels;
import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiCredentialsCheck;
import dev.payhooks.adapters.outbound.PinnedHttpTransport;
import dev.payhooks.adapters.outbound.ProviderEndpoints;
import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.http.ListeningPort;
import dev.payhooks.application.channels.ChannelCache;
import dev.payhooks.application.merchants.MerchantCache;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.ProviderEndpointPolicy;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.ProviderCredentialsChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/** The payment providers' clients and channel settings, behind the provider gate (their hosts only, through the SSRF guard). */
@ApplicationScoped
public class ProviderWiring {

    @Inject
    PayhooksSettings settings;

    /**
     * Each provider's documented API hosts plus the operator's {@code payhooks.<provider>.allowed-hosts};
     * in sandbox mode also loopback and the hub's own host (its provider simulators). Also the
     * domain's {@link ProviderEndpointPolicy} (a bean type of this producer).
     */
    @Produces
    @Singleton
    ProviderEndpoints providerEndpoints() {
        Set<String> ownHosts = settings.publicUrl().configured().map(URI::create).map(URI::getHost)
            .map(Set::of).orElse(Set.of());
        return new ProviderEndpoints(settings.production(), settings.providers().allowedHosts(), ownHosts);
    }

    /**
     * The one way out to NP Atobarai, Adyen, Walley and Annanow: their hosts only, through the SSRF
     * guard of outbound webhooks, to the checked address (no connection pool: see {@link PinnedHttpTransport}).
     */
    @Produces
    @Singleton
    ProviderGate providerGate(ProviderEndpoints endpoints) {
        return new ProviderGate(endpoints, ProviderGate.guardFor(settings.production(), settings.outbound().allowList(),
            java.net.InetAddress::getAllByName), PinnedHttpTransport.withDefaultTrust("Payhooks/0.1"));
    }

    @Produces
    @Singleton
    ManageChannels manageChannels(Channels channels, Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit,
                                  ProviderEndpointPolicy endpoints) {
        return new ManageChannels(channels, secrets, ids, clock, audit, endpoints);
    }

    /** One client per instance, sending through the provider gate. */
    @Produces
    @Singleton
    NpAtobaraiClient npAtobaraiClient(ProviderGate gate) {
        return new NpAtobaraiClient(gate, settings.providers().npAtobaraiTimeout());
    }

    /** One client per instance, sending through the provider gate. */
    @Produces
    @Singleton
    AdyenCheckoutClient adyenCheckoutClient(ProviderGate gate) {
        return new AdyenCheckoutClient(gate, settings.providers().adyenTimeout());
    }

    /**
     * In sandbox mode a channel without an API base URL talks to the hub's own NP simulator. The
     * Saleor app reads channels and merchants cached ({@link ChannelCache#reading()}, {@link MerchantCache#reading()}).
     */
    @Produces
    @Singleton
    NpAtobaraiChannels npAtobaraiChannels(MerchantCache merchants, ChannelCache channels, Secrets secrets) {
        return new NpAtobaraiChannels(merchants.reading(), channels.reading(), secrets, simulator("/sandbox/np-atobarai/v1/"));
    }

    /** In sandbox mode a TEST channel without an API base URL talks to the hub's own Adyen simulator. Channels and merchants read cached. */
    @Produces
    @Singleton
    AdyenChannels adyenChannels(MerchantCache merchants, ChannelCache channels, Secrets secrets) {
        return new AdyenChannels(merchants.reading(), channels.reading(), secrets, simulator("/sandbox/adyen/v71"));
    }

    /** A sandbox simulator at this path of the hub, asked for at each call (none in production). */
    private Supplier<Optional<URI>> simulator(String path) {
        return () -> settings.production() ? Optional.empty()
            : Optional.of(URI.create(sandboxBaseUrl(settings, ListeningPort.seen()) + path));
    }

    /**
     * Where the hub reaches itself in sandbox mode: its public URL when one is set, otherwise
     * this machine at the port requests come in on ({@code listening}), or the configured port
     * before the first request.
     */
    static String sandboxBaseUrl(PayhooksSettings settings, OptionalInt listening) {
        String base = settings.publicUrl().configured()
            .orElseGet(() -> listening.isPresent() ? "http://127.0.0.1:" + listening.getAsInt() : settings.localBaseUrl());
        return base.replaceAll("/+$", "");
    }

    /** "Test credentials" in the console; a provider adapter that can check credentials adds its check here. */
    @Produces
    @Singleton
    ProviderCredentialsChecks providerCredentialsChecks(NpAtobaraiChannels npChannels, NpAtobaraiClient np) {
        return new ProviderCredentialsChecks(List.of(new NpAtobaraiCredentialsCheck(npChannels, np)));
    }
}
