package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.saleor.WebhookReplies;

import dev.payhooks.domain.saleor.SaleorInstallation;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Saleor resends a synchronous webhook after a timeout or an error, without an idempotency key
 * for most events. Every such webhook the hub acts on goes through here: the first request with
 * a key claims it (committed on its own, before the provider is called), a repeat gets the
 * stored answer and the provider is not called again, and a repeat while the first is still
 * being handled is told so. The one way the NP Atobarai and Adyen apps keep Saleor's repeats
 * from becoming a second charge or refund.
 */
public record RepeatedDeliveries(WebhookReplies replies, UnitOfWork units, Clock clock) {

    /** Longest key the store keeps; longer keys are cut (they end in a hash where they may be long). */
    public static final int MAX_KEY_LENGTH = 255;

    /** What a request is, once its key is claimed. */
    public sealed interface Start permits Repeat, Busy, First { }

    /** Answered before: send {@code reply} again. */
    public record Repeat(String reply) implements Start { }

    /** The first request with this key is still being handled. */
    public record Busy() implements Start { }

    /** The first request with this key: handle it, then {@link First#complete} or {@link First#release} it. */
    public final class First implements Start {
        private final String scope;
        private final String key;

        private First(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        /** Stores the answer, in the caller's transaction (the one that applies the outcome). */
        public void complete(String reply) {
            replies.complete(scope, key, reply, clock.instant());
        }

        /** Stores the answer in a transaction of its own (nothing else changed). */
        public void completeAlone(String reply) {
            units.runInNewTransaction(() -> complete(reply));
        }

        /** Gives the claim up in the caller's transaction: the next request with the key is handled anew. */
        public void release() {
            replies.release(scope, key);
        }

        /** Gives the claim up in a transaction of its own (nothing happened at the provider). */
        public void releaseAlone() {
            units.runInNewTransaction(this::release);
        }
    }

    public RepeatedDeliveries {
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Claims {@code key} within {@code scope}; the store commits the claim on its own, outside any
     * unit of work, before this returns.
     *
     * @param scope the Saleor instance and provider app the request came from
     * @param key   what makes two requests the same
     */
    public Start claim(String scope, String key) {
        String kept = key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
        WebhookReplies.Claim claim = replies.claim(scope, kept, clock.instant());
        if (claim instanceof WebhookReplies.Answered answered) {
            return new Repeat(answered.reply());
        }
        if (claim instanceof WebhookReplies.InProgress) {
            return new Busy();
        }
        return new First(scope, kept);
    }

    /**
     * Handles a Saleor delivery once: a repeat is answered with the first reply, a repeat while the
     * first is handled is {@link Delivery.Busy}, and the first runs {@code handle}, which completes
     * or releases the claim and returns the reply. If {@code handle} throws, the claim is released,
     * so that the next delivery is handled anew.
     *
     * @param caller the installation the delivery came from (its scope)
     * @param key    what makes two deliveries the same request
     */
    public Delivery once(SaleorInstallation caller, String key, Function<First, String> handle) {
        Start start = claim(SaleorScope.of(caller), key);
        if (start instanceof Repeat repeat) {
            return new Delivery.Replied(repeat.reply());
        }
        if (start instanceof Busy) {
            return new Delivery.Busy();
        }
        First first = (First) start;
        try {
            return new Delivery.Replied(handle.apply(first));
        } catch (RuntimeException unexpected) {
            first.releaseAlone();  // only an unanswered claim is given up
            throw unexpected;
        }
    }
}
