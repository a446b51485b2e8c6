package dev.payhooks.domain.merchant;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.Required;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A business that runs its shops through Payhooks. Its {@code merchantKey} is the public
 * identifier outbound webhooks carry ({@code event_body.merchant.merch_key}). An operator may
 * disable a merchant: its API keys are refused until it is enabled again.
 */
public final class Merchant extends Aggregate {

    private static final Pattern MERCHANT_KEY = Pattern.compile("[a-z0-9]{15}");

    private final String id;
    private String name;
    private final String merchantKey;
    private final Instant createdAt;
    private Instant disabledAt;

    private Merchant(String id, String name, String merchantKey, Instant createdAt, Instant disabledAt, long version) {
        super(version);
        this.id = Objects.requireNonNull(id, "id");
        this.name = validName(name);
        if (merchantKey == null || !MERCHANT_KEY.matcher(merchantKey).matches()) {
            throw new IllegalArgumentException("merchant key must be 15 characters a-z, 0-9");
        }
        this.merchantKey = merchantKey;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.disabledAt = disabledAt;
    }

    public static Merchant register(String id, String name, String merchantKey, Instant at) {
        return new Merchant(id, name, merchantKey, at, null, 0);
    }

    public static Merchant reconstitute(String id, String name, String merchantKey, Instant createdAt, Instant disabledAt,
                                        long version) {
        return new Merchant(id, name, merchantKey, createdAt, disabledAt, version);
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
