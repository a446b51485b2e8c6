package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;

import java.time.Clock;

/**
 * What the Saleor handlers of any payment provider share: the request is handled on the channel
 * it names when the provider is configured there ({@link ConfiguredChannel}), its reply is written
 * in the handler's {@link ReplyFormat}, and a repeated delivery is told apart by
 * {@link RepeatedDeliveries}.
 *
 * @param <C> the request
 * @param <A> the answer the reply is written from
 */
abstract sealed class ProviderFlow<C extends ChannelRequest, A> permits ActionFlow, SessionFlow {

    final PaymentProvider provider;
    final ReplyFormat<A> format;
    final RepeatedDeliveries deliveries;
    final UnitOfWork units;
    final Clock clock;

    ProviderFlow(PaymentProvider provider, ReplyFormat<A> format, RepeatedDeliveries deliveries, UnitOfWork units,
                 Clock clock) {
        this.provider = provider;
        this.format = format;
        this.deliveries = deliveries;
        this.units = units;
        this.clock = clock;
    }

    public Delivery handle(C command) {
        return ConfiguredChannel.handle(command, provider::channel, channel -> handle(command, channel),
            Delivery.NotConfigured::new);
    }

    /** The request, on a channel the provider is configured on. */
    abstract Delivery handle(C command, ProviderChannel channel);
}
