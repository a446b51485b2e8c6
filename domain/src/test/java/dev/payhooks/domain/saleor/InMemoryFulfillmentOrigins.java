package dev.payhooks.domain.saleor;

import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.payment.TransactionId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test double of {@link FulfillmentOrigins} over a {@link Fulfillments} double. */
public class InMemoryFulfillmentOrigins implements FulfillmentOrigins {

    private final List<FulfillmentOrigin> origins = new ArrayList<>();
    private final Fulfillments fulfillments;

    public InMemoryFulfillmentOrigins(Fulfillments fulfillments) {
        this.fulfillments = fulfillments;
    }

    @Override
    public synchronized void record(FulfillmentOrigin origin) {
        if (of(origin.transactionId(), origin.fulfillmentId()).isEmpty()) {
            origins.add(origin);
        }
    }

    @Override
    public synchronized Optional<FulfillmentOrigin> of(TransactionId transactionId, FulfillmentId fulfillmentId) {
        return origins.stream().filter(o -> o.transactionId().equals(transactionId)
            && o.fulfillmentId().equals(fulfillmentId)).findFirst();
    }

    @Override
    public synchronized List<FulfillmentOrigin> dueForReport(int maxAttempts, int limit) {
        return origins.stream().filter(o -> fulfillments.byId(o.transactionId(), o.fulfillmentId())
                .filter(f -> f.status() != ShipmentReportStatus.REPORTED && f.reportAttempts() < maxAttempts)
                .isPresent())
            .limit(limit).toList();
    }

    public Optional<Fulfillment> fulfillment(FulfillmentOrigin origin) {
        return fulfillments.byId(origin.transactionId(), origin.fulfillmentId());
    }
}
