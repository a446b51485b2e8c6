package dev.payhooks.domain.saleor;

import dev.payhooks.domain.error.InvalidField;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Saleor instance's GraphQL API URL as an operator assigns it to a merchant: the text Saleor
 * sends in {@code Saleor-Api-Url}, matched exactly after trimming (like the configured allow-list
 * entries). Checked for its syntax only; whether the hub may call its host is the SSRF guard's call.
 */
public record SaleorApiUrl(String value) {

    /** The width of the {@code api_url} columns. */
    public static final int MAX_LENGTH = 500;
    public static final String FIELD = "apiUrl";

    public static SaleorApiUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidField(FIELD, "is required");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidField(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidField(FIELD, "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidField(FIELD, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidField(FIELD, "must be an absolute http(s) URL with a host, e.g. https://shop.example/graphql/");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidField(FIELD, "must not contain credentials, a query or a fragment");
        }
        return new SaleorApiUrl(trimmed);
    }

    public URI uri() {
        return URI.create(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
