package dev.payhooks.admin.transactions;

import java.time.Instant;
import java.util.List;

/**
 * A transaction as the detail pane shows it: the summary row, every amount, the event
 * timeline (oldest first), the provider references it has had, its refunds and fulfillments, and
 * what the provider told about the payment: the payment method ("VISA 424242******4242, expires
 * 27-08"), the products, and the customer's contact (masked for staff who may only look).
 * {@code reconciliation}: how the reconciliation checked its open outcome, null when it never did.
 * Nullable strings are empty rather than null.
 */
public record TransactionDetails(TransactionRow summary, String cancelled, String chargedBack, String pending,
                                 List<TimelineEntry> timeline, List<ReferenceEntry> providerReferences,
                                 List<RefundEntry> refunds, List<FulfillmentEntry> fulfillments,
                                 String paymentMethod, List<String> lineItems, List<String> contact,
                                 ReconciliationEntry reconciliation) {

    public TransactionDetails {
        timeline = List.copyOf(timeline);
        providerReferences = List.copyOf(providerReferences);
        refunds = List.copyOf(refunds);
        fulfillments = List.copyOf(fulfillments);
        lineItems = List.copyOf(lineItems);
        contact = List.copyOf(contact);
    }

    /**
     * One transaction event: "AUTHORIZE SUCCESS 1500 → AUTHORIZED", with the provider's reason code
     * and its description when the provider gave one.
     */
    public record TimelineEntry(int sequence, Instant at, String operation, String result, String amount,
                                String statusAfter, String providerReference, String message, String reasonCode,
                                String reasonDescription) { }

    public record ReferenceEntry(String reference, Instant since) { }

    /** {@code lines} reads "line → order line × quantity", one per refunded line. */
    public record RefundEntry(String id, String kind, String amount, String stage, String status, boolean includesShipping,
                              List<String> lines, Instant requestedAt, String providerReference, String message) {
        public RefundEntry {
            lines = List.copyOf(lines);
        }
    }

    public record FulfillmentEntry(String id, String trackingNumber, String carrierCode, String status, int reportAttempts,
                                   Instant createdAt, String message) { }

    /**
     * {@code lastCheckedAt} is null before the first check; {@code reason} says why staff are asked to look;
     * {@code version} is what staff's "Mark resolved" sends back, so a change they did not see is refused.
     */
    public record ReconciliationEntry(String state, long version, boolean needsAttention, int attempts, Instant lastCheckedAt,
                                      String lastResult, String reason, String resolvedBy) { }
}
