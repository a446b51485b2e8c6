package dev.payhooks.domain.payment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The payment providers Payhooks works with, each named by the slug used in URLs, configuration and storage. */
public enum ProviderId {
    NP_ATOBARAI("np-atobarai"),
    ADYEN("adyen"),
    WALLEY("walley"),
    ANNANOW("annanow");

    private final String slug;

    ProviderId(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static ProviderId fromSlug(String slug) {
        for (ProviderId provider : values()) {
            if (provider.slug.equals(slug)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + slug + "'; valid providers: "
            + Arrays.stream(values()).map(ProviderId::slug).collect(Collectors.joining(", ")));
    }
}
