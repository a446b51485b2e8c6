package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.Objects;

/**
 * A call the hub owes one Saleor installation (an order note, a transaction report): which
 * installation, how far the call got ({@code S}, its status), and how often it was tried.
 */
public abstract class SaleorCall<S extends Enum<S>> {

    private final String id;
    private final String apiUrl;
    private final ProviderId provider;
    private S status;
    private int attempts;
    private final Instant createdAt;
    private Instant updatedAt;

    protected SaleorCall(String id, String apiUrl, ProviderId provider, S status, int attempts, Instant createdAt,
                         Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.status = Objects.requireNonNull(status, "status");
        this.attempts = attempts;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Counts an attempt that ended at {@code at}; how many attempts there were, this one included. */
    protected int attempted(Instant at) {
        updatedAt = at;
        return ++attempts;
    }

    protected void status(S status) {
        this.status = status;
    }

    public String id() { return id; }
    public String apiUrl() { return apiUrl; }
    public ProviderId provider() { return provider; }
    public S status() { return status; }
    public int attempts() { return attempts; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
