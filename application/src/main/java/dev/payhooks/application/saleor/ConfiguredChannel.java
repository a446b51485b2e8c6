package dev.payhooks.application.saleor;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first step of every Saleor webhook the hub acts on: the channel the delivery names. A delivery
 * that names no channel, or a channel the provider is not configured on, is answered as not
 * configured and nothing else is done.
 *
 * <p>The lookup opens no transaction of its own: the provider's channels read the merchant and the
 * channel through the caches' reading views ({@code MerchantCache}, {@code ChannelCache}), which
 * answer from memory and read the store, when they must, in a transaction of their own.
 */
final class ConfiguredChannel {

    private ConfiguredChannel() {
    }

    /**
     * @param lookup        the provider's configuration of a channel, by merchant id and slug
     * @param handle        what the handler does with the configured channel
     * @param notConfigured the handler's answer when there is none
     */
    static <C, R> R handle(ChannelRequest request, BiFunction<String, String, Optional<C>> lookup,
                           Function<C, R> handle, Supplier<R> notConfigured) {
        String merchantId = request.caller().merchantId();
        Optional<C> found = request.channelSlug().flatMap(slug -> lookup.apply(merchantId, slug));
        return found.isPresent() ? handle.apply(found.get()) : notConfigured.get();
    }
}
