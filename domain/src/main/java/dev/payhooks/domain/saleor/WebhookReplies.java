package dev.payhooks.domain.saleor;

import java.time.Instant;

/**
 * The answers given to Saleor's payment webhooks, so that a repeated webhook (same
 * transaction, action and amount, or same idempotency key) gets the first answer again and
 * the provider is never called twice. The database's unique key decides who was first, also
 * between instances; nobody waits on a lock while the provider is called.
 *
 * <p>{@link #claim} commits on its own before it returns (the caller opens no transaction for
 * it and calls it outside one), so it is stored before the provider is called; {@link #complete}
 * belongs to the transaction that applies the outcome, so the answer is stored exactly when the
 * state change is.
 */
public interface WebhookReplies {

    sealed interface Claim permits Claimed, Answered, InProgress { }

    /** This request is the first with its key: go on and call the provider. */
    record Claimed() implements Claim { }

    /** Answered before: send this body again. */
    record Answered(String reply) implements Claim { }

    /** The first request with this key is still being handled (or its handling never finished). */
    record InProgress(Instant since) implements Claim { }

    /**
     * Claims {@code key}, committed on its own.
     *
     * @param scope the Saleor instance and provider app ({@code provider + " " + apiUrl})
     * @param key   what makes two requests the same (at most 255 characters)
     */
    Claim claim(String scope, String key, Instant at);

    /** Stores the answer of a claimed request. */
    void complete(String scope, String key, String reply, Instant at);

    /**
     * Gives up a claim without an answer, so the next request with the key is handled anew
     * (a failed refund that staff ask for again is a retry, not a repeat).
     */
    void release(String scope, String key);
}
