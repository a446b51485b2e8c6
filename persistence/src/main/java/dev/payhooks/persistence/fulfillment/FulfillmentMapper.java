package dev.payhooks.persistence.fulfillment;

import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.FulfillmentSnapshot;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.payment.TransactionId;

/** Entity ↔ domain for fulfillments, through the aggregate's snapshot. */
final class FulfillmentMapper {

    private FulfillmentMapper() {
    }

    static Fulfillment toDomain(FulfillmentEntity e) {
        return Fulfillment.reconstitute(new FulfillmentSnapshot(FulfillmentId.of(e.id), TransactionId.of(e.transactionId),
            TrackingNumber.of(e.trackingNumber), e.carrierCode, ShipmentReportStatus.valueOf(e.reportStatus), e.message,
            e.reportAttempts, e.lastAttemptAt, e.createdAt(), e.updatedAt(), e.version()));
    }

    static FulfillmentEntity toNewEntity(Fulfillment fulfillment) {
        FulfillmentSnapshot s = fulfillment.snapshot();
        FulfillmentEntity e = new FulfillmentEntity();
        e.transactionId = s.transactionId().value();
        e.id = s.id().value();
        e.createdAt(s.createdAt());
        copyMutableState(s, e);
        return e;
    }

    static void copyMutableState(FulfillmentSnapshot s, FulfillmentEntity e) {
        e.trackingNumber = s.trackingNumber().value();
        e.carrierCode = s.carrierCode();
        e.reportStatus = s.status().name();
        e.message = s.message();
        e.reportAttempts = s.reportAttempts();
        e.lastAttemptAt = s.lastAttemptAt();
        e.updatedAt(s.updatedAt());
    }

    static FulfillmentEntity.Key key(Fulfillment fulfillment) {
        return key(fulfillment.transactionId(), fulfillment.id());
    }

    static FulfillmentEntity.Key key(TransactionId transactionId, FulfillmentId id) {
        return new FulfillmentEntity.Key(transactionId.value(), id.value());
    }
}
