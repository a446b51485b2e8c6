package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.TransactionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

class FulfillmentTest {

    private static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-21T07:00:02Z");
    private static final Instant T2 = Instant.parse("2026-11-21T07:05:00Z");

    private static Fulfillment fresh() {
        return Fulfillment.record(FulfillmentId.of("RnVsZmlsbG1lbnQ6MQ=="), TransactionId.of("tx-1"),
            TrackingNumber.of("1234567890"), "50000", T0);
    }

    @Test
    void startsPendingWithoutAttempts() {
        Fulfillment fulfillment = fresh();
        assertEquals(ShipmentReportStatus.PENDING, fulfillment.status());
        assertEquals(0, fulfillment.reportAttempts());
        assertTrue(fulfillment.lastAttemptAt().isEmpty());
        assertEquals("50000", fulfillment.carrierCode().orElseThrow());
    }

    @Test
    void aFailedReportCanBeRetriedUntilItSucceeds() {
        Fulfillment fulfillment = fresh();
        fulfillment.reportFailed("NP Atobarai: E0131002 slip number invalid", T1);
        assertEquals(ShipmentReportStatus.FAILED, fulfillment.status());
        assertEquals("NP Atobarai: E0131002 slip number invalid", fulfillment.message().orElseThrow());
        fulfillment.reportSucceeded(T2);
        assertEquals(ShipmentReportStatus.REPORTED, fulfillment.status());
        assertEquals(2, fulfillment.reportAttempts());
        assertEquals(T2, fulfillment.lastAttemptAt().orElseThrow());
        assertTrue(fulfillment.message().isEmpty());
    }

    @Test
    void aReportedShipmentIsNotReportedTwice() {
        Fulfillment fulfillment = fresh();
        fulfillment.reportSucceeded(T1);
        IllegalTransition twice = assertThrows(IllegalTransition.class, () -> fulfillment.reportSucceeded(T2));
        assertTrue(twice.getMessage().contains("REPORTED"), twice.getMessage());
        assertThrows(IllegalTransition.class, () -> fulfillment.reportFailed("late", T2));
    }

    @Test
    void aNewTrackingNumberMustBeReportedAgain() {
        Fulfillment fulfillment = fresh();
        fulfillment.reportSucceeded(T1);
        assertTrue(fulfillment.trackingNumberChanged(TrackingNumber.of("9876543210"), "50000", T2));
        assertEquals(ShipmentReportStatus.PENDING, fulfillment.status());
        assertEquals(0, fulfillment.reportAttempts());
        assertEquals("9876543210", fulfillment.trackingNumber().value());
    }

    @Test
    void theSameTrackingNumberAgainChangesNothing() {
        Fulfillment fulfillment = fresh();
        fulfillment.reportSucceeded(T1);
        assertFalse(fulfillment.trackingNumberChanged(TrackingNumber.of(" 1234567890 "), "50000", T2));
        assertEquals(ShipmentReportStatus.REPORTED, fulfillment.status());
        assertEquals(T1, fulfillment.updatedAt());
    }

    @Test
    void aReRegisteredPaymentNeedsTheReportAgain() {
        Fulfillment fulfillment = fresh();
        assertThrows(IllegalTransition.class, () -> fulfillment.reportNeededAgain(T1));
        fulfillment.reportSucceeded(T1);
        fulfillment.reportNeededAgain(T2);
        assertEquals(ShipmentReportStatus.PENDING, fulfillment.status());
        assertEquals("1234567890", fulfillment.trackingNumber().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "50 000", "5000000000000000000000000000000000", "<b>"})
    void rejectsBadCarrierCodes(String code) {
        assertThrows(InvalidValue.class, () -> Fulfillment.record(FulfillmentId.of("f-1"), TransactionId.of("tx-1"),
            TrackingNumber.of("1"), code, T0));
    }

    @Test
    void aCarrierCodeIsOptional() {
        Fulfillment fulfillment = Fulfillment.record(FulfillmentId.of("f-1"), TransactionId.of("tx-1"),
            TrackingNumber.of("1"), null, T0);
        assertTrue(fulfillment.carrierCode().isEmpty());
    }

    @Test
    void aSnapshotReconstitutesTheSameFulfillment() {
        Fulfillment fulfillment = fresh();
        fulfillment.reportFailed("timeout", T1);
        FulfillmentSnapshot stored = fulfillment.snapshot();
        assertEquals(stored, Fulfillment.reconstitute(stored).snapshot());
    }

    @Test
    void toStringNamesTheShipment() {
        String text = fresh().toString();
        assertTrue(text.contains("1234567890") && text.contains("PENDING"), text);
    }
}
