package dev.payhooks.adapters.saleor;

/**
 * One webhook of an app's manifest.
 *
 * @param event the lower-case {@code Saleor-Event}, also the last segment of the target URL
 * @param query the GraphQL subscription whose result Saleor sends as the body
 */
public record ManifestWebhook(String name, String event, boolean sync, String query) {

    /** Saleor's enum name of the event, e.g. {@code TRANSACTION_INITIALIZE_SESSION}. */
    public String saleorEnum() {
        return event.toUpperCase(java.util.Locale.ROOT);
    }
}
