package dev.payhooks.domain;

import java.time.Instant;
import java.util.Objects;

/** An {@link Aggregate} that records when it was created and when it last changed. */
public abstract class StampedAggregate extends Aggregate {

    private final Instant createdAt;
    private Instant updatedAt;

    protected StampedAggregate(Instant createdAt, Instant updatedAt, long version) {
        super(version);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** Records a change made at {@code at}. */
    protected void updatedAt(Instant at) {
        this.updatedAt = at;
    }
}
