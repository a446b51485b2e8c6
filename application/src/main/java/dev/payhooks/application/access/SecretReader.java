package dev.payhooks.application.access;

import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.staff.StaffUser;

import java.util.Optional;

/**
 * Who asks to read a merchant's secret in clear, as the use case that holds it sees them: a
 * client of the management API (its API key) or a staff member of the console (as stored now).
 * The use case decides from these facts; callers never pass a verdict.
 */
public sealed interface SecretReader {

    /** Why this reader may not read the merchant's secrets, or empty if they may. */
    Optional<String> refusal(String merchantId);

    /**
     * An API key. Keys have no scopes: each one manages the merchant's webhooks in full (it can
     * point a webhook anywhere and sign it with the Signature Key), so each active key of the
     * merchant may read the key that signs them.
     */
    record ApiClient(ApiKey key) implements SecretReader {
        @Override
        public Optional<String> refusal(String merchantId) {
            if (key == null || !key.active()) {
                return Optional.of("the API key is revoked");
            }
            return key.merchantId().equals(merchantId) ? Optional.empty()
                : Optional.of("the API key belongs to another merchant");
        }
    }

    /** A staff member: administrators and developers manage webhooks; viewers only look. Empty: nobody signed in. */
    record Staff(Optional<StaffUser> user) implements SecretReader {
        @Override
        public Optional<String> refusal(String merchantId) {
            if (user == null || user.isEmpty() || !user.get().enabled()) {
                return Optional.of("no enabled staff member is signed in");
            }
            return user.get().mayChangeConfiguration() ? Optional.empty()
                : Optional.of("the role of " + user.get().username() + " may not manage webhooks");
        }
    }
}
