package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.TransactionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The fake behaves like the database adapter in what callers rely on. */
class InMemoryFulfillmentsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Fulfillment recorded(String transactionId, String id, Instant at) {
        return Fulfillment.record(FulfillmentId.of(id), TransactionId.of(transactionId), TrackingNumber.of("1234"),
            "50000", at);
    }

    @Test
    void theSameSaleorIdOnAnotherTransactionIsAnotherFulfillment() {
        InMemoryFulfillments fulfillments = new InMemoryFulfillments();
        fulfillments.add(recorded("tx-1", "f-1", T0));
        fulfillments.add(recorded("tx-2", "f-1", T0));

        assertThrows(Conflict.class, () -> fulfillments.add(recorded("tx-1", "f-1", T0.plusSeconds(1))));
        assertEquals(1, fulfillments.ofTransaction(TransactionId.of("tx-2")).size());
    }

    @Test
    void awaitingReportIsPendingOrFailedFirstRecordedFirst() {
        InMemoryFulfillments fulfillments = new InMemoryFulfillments();
        fulfillments.add(recorded("tx-1", "reported", T0));
        fulfillments.add(recorded("tx-1", "failed", T0.plusSeconds(2)));
        fulfillments.add(recorded("tx-1", "pending", T0.plusSeconds(1)));
        Fulfillment reported = fulfillments.byId(TransactionId.of("tx-1"), FulfillmentId.of("reported")).orElseThrow();
        reported.reportSucceeded(T0.plusSeconds(3));
        fulfillments.update(reported);
        Fulfillment failed = fulfillments.byId(TransactionId.of("tx-1"), FulfillmentId.of("failed")).orElseThrow();
        failed.reportFailed("timeout", T0.plusSeconds(3));
        fulfillments.update(failed);

        assertEquals(List.of("pending", "failed"), fulfillments.awaitingReport(10).stream().map(f -> f.id().value()).toList());
        assertEquals(List.of("pending"), fulfillments.awaitingReport(1).stream().map(f -> f.id().value()).toList());
        assertThrows(Conflict.class, () -> fulfillments.update(failed));
    }
}
