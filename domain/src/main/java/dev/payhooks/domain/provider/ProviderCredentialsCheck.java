package dev.payhooks.domain.provider;

import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;

import java.util.Objects;

/**
 * Asks a provider whether it accepts a channel's credentials, without making a payment (port;
 * each provider adapter that can implements it, e.g. NP Atobarai's {@code authorizations/find}).
 * The settings are those the staff member is about to save: typed values, with the stored
 * secret where the form left a secret empty.
 */
public interface ProviderCredentialsCheck {

    ProviderId provider();

    /** The provider's answer; a refusal or an unreachable provider is a result, not an exception. */
    Result check(ProviderSettings settings);

    /** {@code message} is for staff; it never holds a secret. */
    record Result(boolean accepted, String message) {
        public Result {
            Objects.requireNonNull(message, "message");
        }

        public static Result accepted(String message) {
            return new Result(true, message);
        }

        public static Result refused(String message) {
            return new Result(false, message);
        }
    }
}
