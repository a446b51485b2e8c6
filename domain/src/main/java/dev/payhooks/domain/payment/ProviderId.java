package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The payment providers the hub speaks to. The slug is stable: it appears in URLs,
 * configuration keys and stored rows, so it never changes once released.
 */
public enum ProviderId {
    NP_ATOBARAI("np-atobarai"),
    ADYEN("adyen"),
    WALLEY("walley"),
    ANNANOW("annanow");

    private final String slug;

    ProviderId(String slug) {
        this.slug = slug;
    }

    /** The provider's name as people write it, e.g. "NP Atobarai". */
    public String displayName() {
        return switch (this) {
            case NP_ATOBARAI -> "NP Atobarai";
            case ADYEN -> "Adyen";
            case WALLEY -> "Walley";
            case ANNANOW -> "Annanow";
        };
    }

    public String slug() {
        return slug;
    }

    /** The provider with this slug (case-insensitive, surrounding blanks ignored). */
    public static ProviderId fromSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new InvalidValue("provider is missing; expected one of " + slugs());
        }
        String wanted = slug.trim().toLowerCase(Locale.ROOT);
        for (ProviderId provider : values()) {
            if (provider.slug.equals(wanted)) {
                return provider;
            }
        }
        throw new InvalidValue("unknown provider " + InvalidValue.echo(slug) + "; expected one of " + slugs());
    }

    private static String slugs() {
        return Arrays.stream(values()).map(ProviderId::slug).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return slug;
    }
}
