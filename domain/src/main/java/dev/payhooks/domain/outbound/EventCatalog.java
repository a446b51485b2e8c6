package dev.payhooks.domain.outbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type there is. The merchant types come first, in the order the publish API lists
 * them; then the hub's own types for what its providers report (docs/EVENTS.md maps each provider outcome to one).
 * A subscription may only listen to types listed here, so a typo cannot leave it silently deaf.
 */
public final class EventCatalog {

    private static final Map<String, EventType> TYPES = new LinkedHashMap<>();

    static {
        merchant("cau.submitted", "A card account updater request was submitted.");
        merchant("cau.updated_expiration", "The card account updater found a new expiration date.");
        merchant("cau.updated_card", "The card account updater found a new card number.");
        merchant("cau.contact_customer", "The card account updater asks the merchant to contact the customer.");
        merchant("cau.account_closed", "The card account updater reports the account as closed.");
        merchant("ach.submitted", "An ACH payment was submitted.");
        merchant("ach.settled", "An ACH payment settled.");
        merchant("ach.returned", "An ACH payment was returned.");
        merchant("ach.failed", "An ACH payment failed.");
        merchant("ach.note_added", "A note was added to an ACH payment.");
        merchant("product.inventory.ordered", "Inventory of a product was ordered.");
        merchant("product.inventory.adjusted", "Inventory of a product was adjusted.");
        merchant("transaction.sale.success", "A sale succeeded: funds were taken.");
        merchant("transaction.sale.failure", "A sale failed: declined, cancelled by the customer or a provider error.");
        merchant("transaction.sale.voided", "An authorization or sale was voided before settlement.");
        merchant("transaction.sale.captured", "An authorization was captured.");
        merchant("transaction.sale.adjusted", "The amount of a sale was adjusted.");
        merchant("transaction.sale.queued", "A sale was queued for later processing.");
        merchant("transaction.sale.unvoided", "A voided sale was reinstated.");
        merchant("transaction.refund.success", "A refund succeeded (full or partial).");
        merchant("transaction.refund.voided", "A refund was voided.");
        merchant("settlement.batch.success", "A settlement batch closed successfully.");
        merchant("settlement.batch.failure", "A settlement batch failed to close.");

        hub("transaction.pending", "The provider accepted the payment but has no outcome yet.");
        hub("transaction.action_required", "The payment waits for the customer or the merchant to act (e.g. 3-D Secure, fix an address).");
        hub("transaction.authorization.success", "Funds were reserved; they are taken on capture.");
        hub("transaction.authorization.failure", "An authorization attempt was refused.");
        hub("transaction.authorization.retrying", "An authorization attempt failed and the provider will try again.");
        hub("transaction.authorization.failed", "The provider gave up authorizing: no further attempt will be made.");
        hub("transaction.capture.failure", "A capture was refused.");
        hub("transaction.void.failure", "Voiding an authorization was refused.");
        hub("transaction.refund.pending", "A refund was started and awaits the bank's confirmation.");
        hub("transaction.refund.failure", "A refund failed.");
        hub("transaction.refund.reversed", "A refund was reversed: the funds are the merchant's again.");
        hub("transaction.chargeback", "The cardholder's bank took charged funds back.");
        hub("fulfillment.reported", "A shipment (tracking number) was reported to the provider.");
        hub("fulfillment.report_failed", "Reporting a shipment to the provider failed.");
        hub("subscription.payment.success", "A recurring payment of a subscription succeeded.");
        hub("subscription.payment.failure", "A recurring payment of a subscription failed.");
        hub("subscription.notice_given", "A subscription will not renew at the end of its period.");
        hub("subscription.cancelled", "A subscription was cancelled.");
    }

    private EventCatalog() {
    }

    private static void merchant(String name, String description) {
        TYPES.put(name, new EventType(name, description, EventType.Origin.MERCHANT));
    }

    private static void hub(String name, String description) {
        TYPES.put(name, new EventType(name, description, EventType.Origin.HUB));
    }

    public static boolean isKnown(String name) {
        return name != null && TYPES.containsKey(name);
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(name == null ? null : TYPES.get(name));
    }

    /** All types: the merchant types in their order, then the hub's. */
    public static List<EventType> all() {
        return List.copyOf(TYPES.values());
    }
}
