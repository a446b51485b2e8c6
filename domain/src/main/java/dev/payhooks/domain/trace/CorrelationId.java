package dev.payhooks.domain.trace;

import dev.payhooks.domain.port.RandomUuids;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id that follows one piece of work through the hub: the request that stored a provider
 * notification, the worker applying it, the outbound events it published and every delivery
 * attempt of them. It comes from a caller's {@code X-Correlation-Id} header when that is a sane
 * token (1–64 of {@code A-Z a-z 0-9 . _ : -}), otherwise the hub makes one.
 */
public record CorrelationId(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    public CorrelationId {
        Objects.requireNonNull(value, "value");
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("a correlation id is 1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ : -");
        }
    }

    /** The id a caller sent, if it is a sane token; anything else (absent, blank, too long, other characters) is not one. */
    public static Optional<CorrelationId> parse(String text) {
        return text != null && TOKEN.matcher(text).matches() ? Optional.of(new CorrelationId(text)) : Optional.empty();
    }

    /** A new random id (a UUID, 36 characters). */
    public static CorrelationId fresh() {
        return new CorrelationId(RandomUuids.next().toString());
    }

    /** The caller's id if it is a sane token, else a fresh one. */
    public static CorrelationId fromHeaderOrFresh(String header) {
        return parse(header).orElseGet(CorrelationId::fresh);
    }

    @Override
    public String toString() {
        return value;
    }
}
