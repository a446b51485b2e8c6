package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.InvalidField;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a subscription's deliveries go: an absolute http(s) URL, checked for its syntax only.
 * Whether its host may be reached is the {@link dev.payhooks.domain.port.OutboundUrlPolicy}'s
 * call, because that needs DNS.
 */
public record HookUrl(URI value) {

    public static final int MAX_LENGTH = 2000;
    static final String FIELD = "url";

    public HookUrl {
        Objects.requireNonNull(value, "value");
    }

    /** The URL a client sent; {@code requireHttps} in production, where plain http would expose payloads and credentials. */
    public static HookUrl parse(String text, boolean requireHttps) {
        URI uri = absoluteHttp(text, FIELD, MAX_LENGTH);
        if (uri.getRawUserInfo() != null) {
            // credentials in a URL end up in logs and delivery records; Basic authentication keeps them sealed
            throw new InvalidField(FIELD, "must not contain credentials; use Basic authentication instead");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidField(FIELD, "must not contain a fragment (#…): it is never sent");
        }
        if (requireHttps && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidField(FIELD, "must use https");
        }
        return new HookUrl(uri);
    }

    /**
     * The trimmed text as an absolute http(s) URL with a host, at most {@code maxLength} characters,
     * without spaces or control characters; {@link InvalidField} naming {@code field} otherwise.
     */
    public static URI absoluteHttp(String text, String field, int maxLength) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidField(field, "is required");
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidField(field, "must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidField(field, "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidField(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidField(field, "must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidField(field, "must name a host");
        }
        return uri;
    }

    public boolean https() {
        return "https".equalsIgnoreCase(value.getScheme());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
