package dev.payhooks.domain.saleor;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.HookUrl;

import java.net.URI;

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
        URI uri = HookUrl.absoluteHttp(text, FIELD, MAX_LENGTH);
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidField(FIELD, "must not contain credentials, a query or a fragment");
        }
        return new SaleorApiUrl(uri.toString());
    }

    public URI uri() {
        return URI.create(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
