package dev.payhooks.domain.port;

import dev.payhooks.domain.payment.ProviderId;

import java.net.URI;

/**
 * Which URLs a channel may give for a provider's API ({@code apiBaseUrl}, {@code authBaseUrl}):
 * the hub sends the merchant's provider credentials there, so only the provider's documented
 * hosts (and what the operator explicitly allows) are accepted. Checked when a channel's
 * provider settings are saved; the implementation checks again before every call.
 */
public interface ProviderEndpointPolicy {

    /** Returns when {@code field} may hold {@code url}; throws {@link dev.payhooks.domain.error.InvalidField} for {@code field} otherwise. */
    void check(ProviderId provider, String field, URI url);
}
