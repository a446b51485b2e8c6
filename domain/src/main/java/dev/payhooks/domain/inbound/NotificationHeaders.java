package dev.payhooks.domain.inbound;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The request headers kept with a notification (the ones verification and support need, chosen
 * by the provider adapter). HTTP header names are case-insensitive, so they are kept in lower
 * case; a lookup by any spelling finds them.
 */
public final class NotificationHeaders {

    /** What staff see instead of a secret header's value; the same for every value, so length leaks nothing. */
    public static final String MASK = "********";

    /** RFC 9110 token characters: what a header name may contain. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]{1,100}");

    /**
     * Parts of header names whose values are credentials or proofs: Authorization (and
     * Proxy-Authorization), signatures such as Walley-Signature, HMACs, secrets, tokens and cookies.
     */
    private static final List<String> SECRET_NAME_PARTS =
        List.of("authorization", "signature", "hmac", "secret", "token", "cookie");

    private static final NotificationHeaders NONE = new NotificationHeaders(new TreeMap<>());

    private final Map<String, String> byLowerCaseName;

    private NotificationHeaders(TreeMap<String, String> byLowerCaseName) {
        this.byLowerCaseName = Collections.unmodifiableMap(byLowerCaseName);
    }

    public static NotificationHeaders none() {
        return NONE;
    }

    /** The headers with their names in lower case; two names differing only in case are refused. */
    public static NotificationHeaders of(Map<String, String> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("headers must be given (use an empty map for none)");
        }
        TreeMap<String, String> normalized = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lowerCaseName = lowerCase(name);
            if (lowerCaseName == null || !HEADER_NAME.matcher(lowerCaseName).matches()) {
                throw new IllegalArgumentException("header name '" + name
                    + "' is not a valid HTTP header name (1-100 token characters)");
            }
            if (value == null) {
                throw new IllegalArgumentException("header " + lowerCaseName + " has no value");
            }
            if (normalized.put(lowerCaseName, value) != null) {
                throw new IllegalArgumentException("header " + lowerCaseName
                    + " is given twice (names are case-insensitive); join repeated values before storing");
            }
        });
        return new NotificationHeaders(normalized);
    }

    /** Whether a header's value is credential material that is never shown or logged. */
    public static boolean isSecret(String headerName) {
        String lowerCaseName = lowerCase(headerName);
        return lowerCaseName != null && SECRET_NAME_PARTS.stream().anyMatch(lowerCaseName::contains);
    }

    /** The value of a header, whatever the case of the name asked for. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(byLowerCaseName.get(lowerCase(name)));
    }

    /** All headers, names in lower case, sorted by name; for verification and storage. */
    public Map<String, String> asMap() {
        return byLowerCaseName;
    }

    /** All headers for display: secret values replaced by {@link #MASK}. */
    public Map<String, String> masked() {
        TreeMap<String, String> masked = new TreeMap<>();
        byLowerCaseName.forEach((name, value) -> masked.put(name, isSecret(name) ? MASK : value));
        return Collections.unmodifiableMap(masked);
    }

    public boolean isEmpty() {
        return byLowerCaseName.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotificationHeaders headers && byLowerCaseName.equals(headers.byLowerCaseName);
    }

    @Override
    public int hashCode() {
        return byLowerCaseName.hashCode();
    }

    @Override
    public String toString() {
        return masked().toString();
    }

    private static String lowerCase(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
