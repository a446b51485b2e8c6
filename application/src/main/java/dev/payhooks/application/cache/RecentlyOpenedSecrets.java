package dev.payhooks.application.cache;

import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link Secrets} that keeps what it opened for at most {@link CachedViews#TTL}: every
 * notification opens its channel's HMAC keys and notification password, and decrypting them for
 * each request cost more than the HMAC itself. A sealed value opens to one plaintext in one
 * context (the random nonce makes every sealed value of a secret different), so what is kept is
 * never out of date; the TTL and the bound only limit how long and how many plaintexts stay in
 * memory. A value that does not open is not kept: it fails again, each time. Sealing is not kept.
 */
public final class RecentlyOpenedSecrets implements Secrets {

    /** At most this many opened secrets are kept. */
    static final int MAX_ENTRIES = 10_000;

    private record Opening(String sealed, String context) { }

    private final Secrets secrets;
    private final RecentReads<Opening, String> opened;

    public RecentlyOpenedSecrets(Secrets secrets) {
        this(secrets, System::nanoTime, CachedViews.TTL);
    }

    RecentlyOpenedSecrets(Secrets secrets, LongSupplier nanoTime, Duration ttl) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.opened = new RecentReads<>(Runnable::run, nanoTime, ttl, MAX_ENTRIES);
    }

    @Override
    public SealedSecret seal(String plaintext, String context) {
        return secrets.seal(plaintext, context);
    }

    @Override
    public String open(SealedSecret sealed, String context) {
        return opened.get(new Opening(sealed.value(), context), () -> Optional.of(secrets.open(sealed, context))).orElseThrow();
    }
}
