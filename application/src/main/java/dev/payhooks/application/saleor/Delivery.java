package dev.payhooks.application.saleor;

/** What a handler made of one delivery of a Saleor webhook. */
public sealed interface Delivery {

    /** The channel is not configured for the provider: nothing was done. */
    record NotConfigured() implements Delivery { }

    /** The same request is still being handled by an earlier delivery. */
    record Busy() implements Delivery { }

    /** The reply, as written by the {@link ReplyFormat}: the first answer, or the stored one for a repeat. */
    record Replied(String reply) implements Delivery { }
}
