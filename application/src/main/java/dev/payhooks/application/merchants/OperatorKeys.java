package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.port.SealedSecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The installation's operator keys, given by configuration: {@code pho_} and 40 characters of
 * a-z, 0-9 each. Only their SHA-256 digests stay in memory. Several keys may be set at once, so a
 * new one can be rolled out before the old one is removed; a key stops working when the setting
 * no longer lists it and the server restarts. Without any, nobody manages merchants through the
 * API.
 */
public final class OperatorKeys {

    public static final String PREFIX = "pho_";
    private static final int RANDOM_LENGTH = 40;

    private final List<byte[]> digests;

    private OperatorKeys(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    public static OperatorKeys none() {
        return new OperatorKeys(List.of());
    }

    /** The keys as configured; throws {@link InvalidField} naming {@code setting} for one of the wrong shape. */
    public static OperatorKeys of(Collection<String> keys, String setting) {
        List<byte[]> digests = keys.stream().map(String::trim).filter(key -> !key.isEmpty()).map(key -> {
            if (!wellFormed(key)) {
                throw new InvalidField(setting, "each operator key must be '" + PREFIX + "' followed by "
                    + RANDOM_LENGTH + " characters of a-z, 0-9");
            }
            return digest(key);
        }).toList();
        return new OperatorKeys(digests);
    }

    /** Whether a presented string has the shape of an operator key at all. */
    public static boolean wellFormed(String presented) {
        return presented != null && presented.length() == PREFIX.length() + RANDOM_LENGTH
            && presented.startsWith(PREFIX) && presented.substring(PREFIX.length()).matches("[a-z0-9]+");
    }

    public boolean any() {
        return !digests.isEmpty();
    }

    /** The operator a presented key names, if it is one of the configured keys (compared in constant time). */
    public Optional<Caller.Operator> authenticate(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        boolean found = false;
        for (byte[] known : digests) {
            // every digest is compared, whichever matches: the time taken tells nothing
            found |= MessageDigest.isEqual(known, digest);
        }
        return found ? Optional.of(new Caller.Operator(PREFIX + SealedSecret.mask(presented.substring(PREFIX.length()))))
            : Optional.empty();
    }

    private static byte[] digest(String key) {
        return HexFormat.of().parseHex(ApiKey.hash(key));
    }
}
