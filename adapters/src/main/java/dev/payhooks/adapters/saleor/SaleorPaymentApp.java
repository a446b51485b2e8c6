package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.payment.ProviderId;

import java.util.List;

/**
 * One provider as a Saleor payment app (one app per provider: NP Atobarai now, Adyen later).
 * The Saleor surface ({@link SaleorAppResource}) serves the manifest, registers the app and
 * verifies every webhook; the provider app only handles verified webhooks.
 */
public interface SaleorPaymentApp {

    ProviderId provider();

    /** The app's name in Saleor's dashboard. */
    String name();

    /** The webhooks of the manifest; every one of them is handled by {@link #handle}. */
    List<ManifestWebhook> webhooks();

    /** Handles one verified webhook; business failures are 200 with a failure result. */
    SaleorReply handle(SaleorWebhook webhook);
}
