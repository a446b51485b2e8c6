package dev.payhooks.domain.merchant;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.Required;
import dev.payhooks.domain.error.InvalidField;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A business that runs its shops through Payhooks. Its {@code merchantKey} is the public
 * identifier outbound webhooks carry ({@code event_body.merchant.merch_key}). An operator may
 * disable a merchant: its API keys are refused until it is enabled again. With four-eyes on
 * ({@link #bulkReplayApprovalAbove()}), a bulk replay of more deliveries than that needs a second
 * staff member's approval.
 */
public final class Merchant extends Aggregate {

    private static final Pattern MERCHANT_KEY = Pattern.compile("[a-z0-9]{15}");

    private final String id;
    private String name;
    private final String merchantKey;
    private final Instant createdAt;
    private Instant disabledAt;
    private Integer bulkReplayApprovalAbove;

    private Merchant(String id, String name, String merchantKey, Instant createdAt, Instant disabledAt,
                     Integer bulkReplayApprovalAbove, long version) {
        super(version);
        this.id = Objects.requireNonNull(id, "id");
        this.name = validName(name);
        if (merchantKey == null || !MERCHANT_KEY.matcher(merchantKey).matches()) {
            throw new IllegalArgumentException("merchant key must be 15 characters a-z, 0-9");
        }
        this.merchantKey = merchantKey;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.disabledAt = disabledAt;
        this.bulkReplayApprovalAbove = validThreshold(bulkReplayApprovalAbove);
    }

    public static Merchant register(String id, String name, String merchantKey, Instant at) {
        return new Merchant(id, name, merchantKey, at, null, null, 0);
    }

    public static Merchant reconstitute(String id, String name, String merchantKey, Instant createdAt, Instant disabledAt,
                                        Integer bulkReplayApprovalAbove, long version) {
        return new Merchant(id, name, merchantKey, createdAt, disabledAt, bulkReplayApprovalAbove, version);
    }

    /**
     * Turns four-eyes for bulk replays on (a replay of more deliveries than {@code above} waits for
     * a second staff member's approval) or, empty, off.
     */
    public void requireApprovalForBulkReplaysAbove(Optional<Integer> above) {
        this.bulkReplayApprovalAbove = validThreshold(above.orElse(null));
    }

    /** Above how many deliveries a bulk replay needs a second staff member's approval; empty: four-eyes is off. */
    public Optional<Integer> bulkReplayApprovalAbove() {
        return Optional.ofNullable(bulkReplayApprovalAbove);
    }

    private static Integer validThreshold(Integer above) {
        if (above != null && above < 0) {
            throw new InvalidField("bulkReplay", "must be 0 or more deliveries");
        }
        return above;
    }

    /** Disables the merchant; disabling a disabled one keeps the first moment. */
    public void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = Objects.requireNonNull(at, "at");
        }
    }

    public void enable() {
        disabledAt = null;
    }

    public boolean enabled() {
        return disabledAt == null;
    }

    public void rename(String newName) {
        this.name = validName(newName);
    }

    static String validName(String name) {
        return Required.trimmedText(name, "name", 200);
    }

    public String id() { return id; }
    public String name() { return name; }
    public String merchantKey() { return merchantKey; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> disabledAt() { return Optional.ofNullable(disabledAt); }
}
