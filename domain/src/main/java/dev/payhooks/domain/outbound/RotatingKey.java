package dev.payhooks.domain.outbound;

import dev.payhooks.domain.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant's key, one per merchant: its current value and, after a rotation, the value it
 * replaced, which stays valid for {@link #PREVIOUS_KEY_VALIDITY}. The window is half-open: at
 * exactly 24 h after the rotation the previous value is no longer valid. A second rotation within
 * the window drops the oldest value at once — what an admin wants when a key leaked.
 *
 * @param <K> the key's stored form
 */
public abstract class RotatingKey<K> extends Aggregate {

    static final Duration PREVIOUS_KEY_VALIDITY = Duration.ofHours(24);

    private final String merchantId;
    private final Instant createdAt;
    private K current;
    private K previous;
    private Instant rotatedAt;

    RotatingKey(String merchantId, K current, Instant createdAt, K previous, Instant rotatedAt, long version) {
        super(version);
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.current = Objects.requireNonNull(current, "current");
        if ((previous == null) != (rotatedAt == null)) {
            throw new IllegalArgumentException("a previous key comes with the time it was rotated out");
        }
        this.previous = previous;
        this.rotatedAt = rotatedAt == null ? null : rotatedAt.truncatedTo(ChronoUnit.MICROS);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** Makes {@code next} current; the current one stays valid as the previous for 24 h. */
    public void rotate(K next, Instant at) {
        this.previous = this.current;
        this.current = Objects.requireNonNull(next, "next");
        this.rotatedAt = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    }

    /** The current value, then the previous one while it is within its 24 h. */
    public List<K> validAt(Instant now) {
        boolean previousValid = previous != null && now.isBefore(rotatedAt.plus(PREVIOUS_KEY_VALIDITY));
        return previousValid ? List.of(current, previous) : List.of(current);
    }

    public String merchantId() { return merchantId; }
    public K current() { return current; }
    public Instant createdAt() { return createdAt; }
    public Optional<K> previous() { return Optional.ofNullable(previous); }
    public Optional<Instant> rotatedAt() { return Optional.ofNullable(rotatedAt); }
}
