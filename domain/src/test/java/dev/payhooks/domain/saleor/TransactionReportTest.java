package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionReportTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final TransactionId TX = TransactionId.of("adyen-0123456789abcdef0123456789abcdef01234567");
    static final ReconciliationPolicy POLICY = new ReconciliationPolicy(Duration.ofMinutes(30), 3,
        Duration.ofMinutes(10), Duration.ofHours(1), 100);

    @Test
    void saleorTypesOfRecordedOutcomes() {
        assertEquals(Optional.of("AUTHORIZATION_SUCCESS"), TransactionReport.saleorType(Operation.AUTHORIZE, OperationResult.SUCCESS));
        assertEquals(Optional.of("AUTHORIZATION_FAILURE"), TransactionReport.saleorType(Operation.AUTHORIZE, OperationResult.FAILURE));
        assertEquals(Optional.of("CHARGE_SUCCESS"), TransactionReport.saleorType(Operation.CHARGE, OperationResult.SUCCESS));
        assertEquals(Optional.of("CHARGE_FAILURE"), TransactionReport.saleorType(Operation.CHARGE, OperationResult.FAILURE));
        assertEquals(Optional.of("CANCEL_SUCCESS"), TransactionReport.saleorType(Operation.CANCEL, OperationResult.SUCCESS));
        assertEquals(Optional.of("CANCEL_FAILURE"), TransactionReport.saleorType(Operation.CANCEL, OperationResult.FAILURE));
        assertEquals(Optional.of("REFUND_SUCCESS"), TransactionReport.saleorType(Operation.REFUND, OperationResult.SUCCESS));
        assertEquals(Optional.of("REFUND_FAILURE"), TransactionReport.saleorType(Operation.REFUND, OperationResult.FAILURE));
        assertEquals(Optional.of("REFUND_REVERSE"), TransactionReport.saleorType(Operation.REFUND_REVERSAL, OperationResult.SUCCESS));
        assertEquals(Optional.of("CHARGE_BACK"), TransactionReport.saleorType(Operation.CHARGEBACK, OperationResult.SUCCESS));
    }

    @Test
    void pendingAndActionRequiredStepsAreNotReported() {
        for (Operation operation : Operation.values()) {
            assertEquals(Optional.empty(), TransactionReport.saleorType(operation, OperationResult.REQUEST));
            assertEquals(Optional.empty(), TransactionReport.saleorType(operation, OperationResult.ACTION_REQUIRED));
        }
    }

    @Test
    void failedAttemptsBackOffThenGiveUp() {
        TransactionReport report = TransactionReport.toSend("r", "m-1", TX, "https://s/graphql/", ProviderId.ADYEN, "T", "P",
            "CHARGE_SUCCESS", "1.00", T0, null, T0);
        report.notDelivered("timeout", T0);
        assertEquals(T0.plus(Duration.ofSeconds(10)), report.dueAt());
        report.notDelivered("timeout", T0);
        assertEquals(T0.plus(Duration.ofSeconds(30)), report.dueAt());
        for (int i = 2; i < TransactionReport.MAX_ATTEMPTS - 1; i++) {
            report.notDelivered("timeout", T0);
            assertEquals(TransactionReport.Status.PENDING, report.status());
        }
        report.notDelivered("timeout", T0);
        assertEquals(TransactionReport.Status.FAILED, report.status());
        assertEquals(TransactionReport.MAX_ATTEMPTS, report.attempts());
    }

    @Test
    void refusalIsFinal() {
        TransactionReport report = TransactionReport.toSend("r", "m-1", TX, "https://s/graphql/", ProviderId.ADYEN, "T", "P",
            "CHARGE_SUCCESS", "1.00", T0, "m", T0);
        report.refused("INCORRECT_DETAILS", T0);
        assertEquals(TransactionReport.Status.FAILED, report.status());
        assertEquals(1, report.attempts());
    }

    @Test
    void aReportGivenUpUndeliveredIsTheReconciliationsAndDueAtOnce() {
        TransactionReport report = givenUp();
        assertEquals(TransactionReport.Status.FAILED, report.status());
        assertEquals(Optional.of(TransactionReport.Failure.UNDELIVERED), report.failure());
        assertTrue(report.redeliverable());
        assertEquals(T0.plusSeconds(60), report.dueAt());
        assertEquals(Optional.of("m-1"), report.merchantId());
        assertEquals(Optional.of(TX), report.transactionId());
    }

    @Test
    void aRefusedReportIsNotSentAgain() {
        TransactionReport report = TransactionReport.toSend("r", "m-1", TX, "https://s/graphql/", ProviderId.ADYEN, "T",
            "P", "CHARGE_SUCCESS", "1.00", T0, null, T0);
        report.notDelivered("timeout", T0);
        report.refused("INCORRECT_DETAILS", T0);
        assertEquals(Optional.of(TransactionReport.Failure.REFUSED), report.failure());
        assertFalse(report.redeliverable());
        assertThrows(IllegalStateException.class, () -> report.stillUndelivered("down", T0, POLICY));
        assertFalse(TransactionReport.toSend("p", "m-1", TX, "https://s/graphql/", ProviderId.ADYEN, "T", "P",
            "CHARGE_SUCCESS", "1.00", T0, null, T0).redeliverable(), "a pending report is the sender's");
    }

    @Test
    void aReportStoredWithoutItsTransactionIsNotSentAgain() {
        TransactionReport report = new TransactionReport("r", null, null, "https://s/graphql/", ProviderId.ADYEN, "T",
            "P", "CHARGE_SUCCESS", "1.00", T0, null, TransactionReport.Status.FAILED, 10, "timeout", T0,
            TransactionReport.Failure.UNDELIVERED, 0, T0, T0);
        assertFalse(report.redeliverable());
        assertThrows(IllegalArgumentException.class, () -> new TransactionReport("r", "m-1", null, "https://s/graphql/",
            ProviderId.ADYEN, "T", "P", "CHARGE_SUCCESS", "1.00", T0, null, TransactionReport.Status.FAILED, 10,
            "timeout", T0, TransactionReport.Failure.UNDELIVERED, 0, T0, T0));
    }

    @Test
    void theReconciliationTriesAtThePolicysIntervalsThenTheReportIsFlagged() {
        TransactionReport report = givenUp();
        Instant at = T0.plusSeconds(60);
        assertFalse(report.stillUndelivered("503", at, POLICY));
        assertEquals(at.plus(Duration.ofMinutes(10)), report.dueAt());
        assertFalse(report.stillUndelivered("503", at, POLICY));
        assertEquals(at.plus(Duration.ofMinutes(20)), report.dueAt());
        assertTrue(report.redeliverable());
        assertTrue(report.stillUndelivered("still 503", at, POLICY));
        assertEquals(3, report.redeliveries());
        assertEquals(TransactionReport.MAX_ATTEMPTS + 3, report.attempts());
        assertEquals(Optional.of(TransactionReport.Failure.FLAGGED), report.failure());
        assertEquals("still 503", report.lastError());
        assertFalse(report.redeliverable());
    }

    @Test
    void aReportSentAgainAndTakenIsSent() {
        TransactionReport report = givenUp();
        report.stillUndelivered("503", T0, POLICY);
        report.sent(T0.plusSeconds(600));
        assertEquals(TransactionReport.Status.SENT, report.status());
        assertEquals(Optional.empty(), report.failure());
        assertFalse(report.redeliverable());
    }

    /** Every retry of the sender failed; the last one at T0 + 60 s. */
    static TransactionReport givenUp() {
        TransactionReport report = TransactionReport.toSend("r", "m-1", TX, "https://s/graphql/", ProviderId.ADYEN, "T",
            "P", "CHARGE_SUCCESS", "1.00", T0, null, T0);
        for (int i = 0; i < TransactionReport.MAX_ATTEMPTS; i++) {
            report.notDelivered("connection refused", T0.plusSeconds(60));
        }
        return report;
    }
}
