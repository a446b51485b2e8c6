package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.payment.TransactionId;

import java.time.Instant;

/** The stored form of a {@link Fulfillment}, for repositories. Nullable fields as in {@link Fulfillment}. */
public record FulfillmentSnapshot(FulfillmentId id, TransactionId transactionId, TrackingNumber trackingNumber,
                                  String carrierCode, ShipmentReportStatus status, String message,
                                  int reportAttempts, Instant lastAttemptAt, Instant createdAt, Instant updatedAt,
                                  long version) {
}
