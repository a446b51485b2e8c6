package dev.payhooks.domain.port;

import java.security.SecureRandom;

/**
 * Random bytes for secrets that are not [a-z0-9] tokens (HMAC keys). A port of its own so
 * tests pass known bytes and get known secrets; {@link IdGenerator} stays as the app wires it.
 */
@FunctionalInterface
public interface RandomBytes {

    byte[] next(int count);

    /** Unguessable bytes: what production uses. */
    static RandomBytes secure() {
        SecureRandom random = new SecureRandom();
        return count -> {
            byte[] bytes = new byte[count];
            random.nextBytes(bytes);
            return bytes;
        };
    }
}
