package dev.payhooks.application.saleor;

/**
 * What an adapter read from a request, or kept from a provider's answer, that only the adapter
 * itself uses again: the storefront's payment data for the provider call, the provider's raw
 * answer for Saleor's reply. The handlers carry it through unread.
 */
public interface ProviderData {

    /** Nothing to carry. */
    ProviderData NONE = new ProviderData() { };
}
