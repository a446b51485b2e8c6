package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first step of every Saleor webhook the hub acts on: the channel the delivery names, read in a
 * transaction of its own. A delivery that names no channel, or a channel the provider is not
 * configured on, is answered as not configured and nothing else is done.
 */
final class ConfiguredChannel {

    private ConfiguredChannel() {
    }

    /**
     * @param lookup        the provider's configuration of a channel, by merchant id and slug
     * @param handle        what the handler does with the configured channel
     * @param notConfigured the handler's answer when there is none
     */
    static <C, R> R handle(UnitOfWork units, ChannelRequest request, BiFunction<String, String, Optional<C>> lookup,
                           Function<C, R> handle, Supplier<R> notConfigured) {
        String merchantId = request.caller().merchantId();
        Optional<C> found = request.channelSlug()
            .flatMap(slug -> units.inNewTransaction(() -> lookup.apply(merchantId, slug)));
        return found.isPresent() ? handle.apply(found.get()) : notConfigured.get();
    }
}
