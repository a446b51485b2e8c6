package dev.payhooks.application.saleor;

import dev.payhooks.domain.merchant.Merchant;

/**
 * A channel configured for one provider, as its adapter found it: whose merchant it is and
 * whether it takes the money at once. The adapter's own type also carries the credentials
 * its {@link PaymentProvider} needs; the handlers only hand it back.
 */
public interface ProviderChannel {

    Merchant merchant();

    /** Whether a payment session charges at once (else it authorizes and charges later). */
    boolean chargesAtOnce();
}
