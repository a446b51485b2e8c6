package dev.payhooks.adapters.notifications;

import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.ProviderConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an {@code Authorization: Basic …} header against configured credentials, comparing in
 * constant time so the answer time says nothing about how much of a guess was right.
 */
public final class BasicAuthorization {

    private BasicAuthorization() {
    }

    /** Whether the channel sets both Basic credentials: the username setting and the password secret. */
    public static boolean configured(ProviderConfiguration configuration, String usernameSetting, String passwordSetting) {
        return configuration.value(usernameSetting).isPresent() && configuration.secret(passwordSetting).isPresent();
    }

    /**
     * Empty when the channel does not set both Basic credentials (it asks for none) or the request's
     * Authorization header carries exactly them; otherwise why not (no secret in it).
     */
    public static Optional<String> mismatch(InboundRequest request, ProviderConfiguration configuration,
                                            String usernameSetting, String passwordSetting) {
        Optional<String> username = configuration.value(usernameSetting);
        Optional<String> password = configuration.secret(passwordSetting);
        if (username.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return mismatch(request.headers().value("authorization"), username.get(), password.get());
    }

    /** Empty when the header carries exactly these credentials; otherwise why not (no secret in it). */
    public static Optional<String> mismatch(Optional<String> header, String username, String password) {
        if (header.isEmpty()) {
            return Optional.of("no Basic credentials");
        }
        String value = header.get().strip();
        if (value.length() < 6 || !value.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return Optional.of("the Authorization header is not Basic");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(value.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("the Basic credentials are not Base64");
        }
        byte[] expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected) ? Optional.empty() : Optional.of("Basic credentials do not match");
    }
}
