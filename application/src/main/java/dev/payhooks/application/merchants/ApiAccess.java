package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;

import java.util.Optional;

/**
 * Who a key presented to the management API is: an active API key of an enabled merchant, an
 * operator key, a key of a disabled merchant, or nobody. The one place that decides it; the API's
 * authentication filter only turns the answer into HTTP.
 */
public record ApiAccess(ManageApiKeys apiKeys, Merchants merchants, OperatorKeys operators) {

    /** What a presented key turned out to be. */
    public sealed interface Access {
    }

    /** An active key of an enabled merchant: the request acts for that merchant. */
    public record MerchantKey(ApiKey key) implements Access {
    }

    /** One of the configured operator keys: the request may manage merchants, and nothing inside one. */
    public record OperatorKey(Caller.Operator operator) implements Access {
    }

    /** An active key whose merchant an operator disabled. */
    public record MerchantDisabled(String merchantId) implements Access {
    }

    /** No key, or one that is malformed, unknown or revoked. */
    public record Refused() implements Access {
    }

    public Access authenticate(String presented) {
        if (presented == null) {
            return new Refused();
        }
        if (presented.startsWith(OperatorKeys.PREFIX)) {
            return operators.authenticate(presented).<Access>map(OperatorKey::new).orElseGet(Refused::new);
        }
        Optional<ApiKey> key = apiKeys.authenticate(presented);
        if (key.isEmpty()) {
            return new Refused();
        }
        boolean enabled = merchants.byId(key.get().merchantId()).map(Merchant::enabled).orElse(false);
        return enabled ? new MerchantKey(key.get()) : new MerchantDisabled(key.get().merchantId());
    }
}
