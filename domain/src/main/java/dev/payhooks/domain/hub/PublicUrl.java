package dev.payhooks.domain.hub;

import dev.payhooks.domain.error.InvalidValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hub's public base URL ({@code payhooks.public-url}): where Saleor and the providers reach
 * it. Every absolute URL the hub hands out (the Saleor app manifest's URLs, notification URLs
 * shown to staff or answered by the API) is built on it. In production mode it is required and
 * nothing is ever taken from a request's {@code Host} header, which the caller controls; in
 * sandbox mode, without it, the URL the request came to stands in.
 */
public final class PublicUrl {

    private final String root;
    private final boolean production;

    private PublicUrl(String root, boolean production) {
        this.root = root;
        this.production = production;
    }

    /**
     * @param configured the setting, if any (blank = none)
     * @throws InvalidValue when it is not an absolute http(s) URL without query, fragment or user
     *                      info, or when production mode has none
     */
    public static PublicUrl of(Optional<String> configured, boolean production) {
        Optional<String> given = configured.map(String::strip).filter(u -> !u.isEmpty());
        if (given.isEmpty()) {
            if (production) {
                throw new InvalidValue("PAYHOOKS_PUBLIC_URL is required in production mode: the hub's public base URL "
                    + "(e.g. https://payhooks.example.com), which the Saleor app manifest and the notification URLs are "
                    + "built on; a request's Host header is never used for them in production");
            }
            return new PublicUrl(null, false);
        }
        return new PublicUrl(normalized(given.get()), production);
    }

    private static String normalized(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
            || uri.getRawQuery() != null || uri.getRawFragment() != null || url.length() > 500) {
            throw invalid(url);
        }
        return url.replaceAll("/+$", "") + "/";
    }

    private static InvalidValue invalid(String url) {
        String shown = url.contains("@") ? "(with user info, not shown)" : InvalidValue.echo(url);
        return new InvalidValue("PAYHOOKS_PUBLIC_URL " + shown
            + " must be an absolute http(s) URL without user info, query or fragment, e.g. https://payhooks.example.com");
    }

    /** The configured base, ending in "/", if any. */
    public Optional<String> configured() {
        return Optional.ofNullable(root);
    }

    /**
     * {@code path} (relative, no leading "/") on the configured base; without one (sandbox mode
     * only) what {@code fromRequest} builds from the request.
     */
    public String resolve(String path, Supplier<String> fromRequest) {
        if (root != null) {
            return root + path;
        }
        if (production) {
            throw new IllegalStateException("no public URL in production mode");  // of() refuses that
        }
        return fromRequest.get();
    }

    @Override
    public String toString() {
        return "PublicUrl[" + (root == null ? "from the request (sandbox)" : root) + "]";
    }
}
