package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.SealedSecret;

import java.util.Objects;

/**
 * How a delivery proves itself to the receiver: None or Basic. The Basic password is
 * kept sealed; it is opened only to build the {@code Authorization} header.
 */
public sealed interface Authentication permits Authentication.None, Authentication.Basic {

    int MAX_USERNAME_LENGTH = 100;
    int MAX_PASSWORD_LENGTH = 200;

    String type();

    /** No {@code Authorization} header. */
    record None() implements Authentication {
        @Override
        public String type() {
            return "none";
        }
    }

    /** {@code Authorization: Basic base64(username:password)}. */
    record Basic(String username, SealedSecret password) implements Authentication {

        public Basic {
            username = validUsername(username);
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String type() {
            return "basic";
        }
    }

    /** The context a subscription's Basic password is sealed in. */
    public static String passwordContext(String subscriptionId) {
        return "webhook-subscription/" + subscriptionId + "/basic-password";
    }

    static String validUsername(String username) {
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            throw new InvalidField("authentication.username", "must be 1-" + MAX_USERNAME_LENGTH + " characters");
        }
        // RFC 7617: the user-id cannot contain a colon, the receiver would split there
        if (username.indexOf(':') >= 0) {
            throw new InvalidField("authentication.username", "must not contain ':'");
        }
        if (username.chars().anyMatch(Character::isISOControl) || !username.equals(username.strip())) {
            throw new InvalidField("authentication.username", "must not contain control characters or surrounding spaces");
        }
        return username;
    }

    /** Checks a password before it is sealed; it is never stored in clear, so this is the only look at it. */
    static String validPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidField("authentication.password", "must be 1-" + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("authentication.password", "must not contain control characters");
        }
        return password;
    }
}
