package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransactionReportTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

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
        TransactionReport report = TransactionReport.toSend("r", "https://s/graphql/", ProviderId.ADYEN, "T", "P",
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
        TransactionReport report = TransactionReport.toSend("r", "https://s/graphql/", ProviderId.ADYEN, "T", "P",
            "CHARGE_SUCCESS", "1.00", T0, "m", T0);
        report.refused("INCORRECT_DETAILS", T0);
        assertEquals(TransactionReport.Status.FAILED, report.status());
        assertEquals(1, report.attempts());
    }
}
