package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.ProviderChannel;
import dev.payhooks.application.saleor.SessionCommand;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.saleor.SaleorJson.object;

/**
 * A provider's Saleor payment app with payment sessions: gateway initialize for a configured
 * channel, transaction initialize and process, and the provider's further webhooks
 * ({@link #actions}). The manifest and the dispatch of a verified webhook are both made from
 * that one list; the provider reads each webhook into its command.
 *
 * @param <C> one configured channel as the provider's app sees it
 */
public abstract class SaleorSessionApp<C extends ProviderChannel> implements SaleorPaymentApp {

    /**
     * One webhook besides the sessions.
     *
     * @param what    the webhook's name in the manifest after the provider's
     * @param event   Saleor's event name
     * @param sync    whether Saleor waits for the answer
     * @param query   the subscription query
     * @param handler reads the webhook and answers it
     */
    public record Action(String what, String event, boolean sync, String query,
                         Function<SaleorWebhook, SaleorReply> handler) { }

    private final ProviderId provider;
    private final String label;
    private final ConfiguredChannels<C> channels;
    private final UnitOfWork units;
    private final InitializeSession initialize;
    private final ProcessSession process;

    /** @param label the provider's name in the app's name and its webhooks' names */
    protected SaleorSessionApp(ProviderId provider, String label, ConfiguredChannels<C> channels, UnitOfWork units,
                               InitializeSession initialize, ProcessSession process) {
        this.provider = provider;
        this.label = label;
        this.channels = channels;
        this.units = units;
        this.initialize = initialize;
        this.process = process;
    }

    @Override
    public final ProviderId provider() {
        return provider;
    }

    @Override
    public final String name() {
        return "Payhooks " + label;
    }

    @Override
    public final List<ManifestWebhook> webhooks() {
        List<ManifestWebhook> webhooks = new ArrayList<>(List.of(
            new ManifestWebhook(label + " gateway initialize", "payment_gateway_initialize_session", true,
                SaleorSubscriptions.PAYMENT_GATEWAY_INITIALIZE_SESSION),
            new ManifestWebhook(label + " transaction initialize", "transaction_initialize_session", true,
                SaleorSubscriptions.TRANSACTION_INITIALIZE_SESSION),
            new ManifestWebhook(label + " transaction process", "transaction_process_session", true,
                SaleorSubscriptions.TRANSACTION_PROCESS_SESSION)));
        actions().forEach(action -> webhooks.add(
            new ManifestWebhook(label + " " + action.what(), action.event(), action.sync(), action.query())));
        return List.copyOf(webhooks);
    }

    @Override
    public final SaleorReply handle(SaleorWebhook webhook) {
        return switch (webhook.event()) {
            case "payment_gateway_initialize_session" -> gatewayInitialize(webhook);
            case "transaction_initialize_session" ->
                SaleorReply.of(initialize.handle(session(SaleorSessionRequest.read(webhook), false)));
            case "transaction_process_session" ->
                SaleorReply.of(process.handle(session(SaleorSessionRequest.read(webhook), true)));
            default -> actions().stream().filter(action -> action.event().equals(webhook.event())).findFirst()
                .map(action -> action.handler().apply(webhook))
                .orElseGet(() -> SaleorReply.problem(404, "UNKNOWN_EVENT", "The app does not handle " + webhook.event() + "."));
        };
    }

    /** The webhooks besides the sessions, in the manifest's order. */
    protected abstract List<Action> actions();

    /** The {@code data} of gateway initialize's answer for a channel configured for the provider. */
    protected abstract JsonObjectBuilder gatewayData(SaleorWebhook webhook, SaleorSourceObject source, C channel);

    /** A session webhook as the provider's command; {@code process} tells process from initialize. */
    protected abstract SessionCommand session(SaleorSessionRequest request, boolean process);

    /** Not configured for a channel without the provider's settings, else the provider's {@link #gatewayData}. */
    private SaleorReply gatewayInitialize(SaleorWebhook webhook) {
        SaleorSourceObject source = SaleorSourceObject.from(object(webhook.body(), "sourceObject"));
        Optional<C> channel = source.channelSlug() == null ? Optional.empty()
            : units.inNewTransaction(() -> channels.find(webhook.installation().merchantId(), source.channelSlug()));
        if (channel.isEmpty()) {
            return SaleorReply.notConfigured();
        }
        return SaleorReply.ok(JSON.createObjectBuilder().add("data", gatewayData(webhook, source, channel.get())).build());
    }
}
