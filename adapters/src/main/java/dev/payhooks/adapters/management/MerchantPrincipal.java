package dev.payhooks.adapters.management;

import java.security.Principal;

/** The merchant a management API request acts for, and the key it presented. */
public record MerchantPrincipal(String merchantId, String apiKeyId) implements Principal {

    @Override
    public String getName() {
        return merchantId;
    }
}
