package dev.payhooks.domain.refund;

import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.CurrencyMismatch;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RefundTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-21T08:00:03Z");
    private static final TransactionId TX = TransactionId.of("tx-1");

    private static Money jpy(long amount) {
        return Money.of(amount, Currency.JPY);
    }

    private static Refund manual() {
        return Refund.requestManual(RefundId.of("r-1"), TX, jpy(1_500), RefundStage.BEFORE_SHIPMENT, T0);
    }

    private static Refund granted(List<RefundLine> lines, boolean shipping) {
        return Refund.requestGranted(RefundId.of("r-2"), TX, "T3JkZXJHcmFudGVkUmVmdW5kOjE=", jpy(1_200), lines,
            shipping, RefundStage.AFTER_SHIPMENT, T0);
    }

    @Test
    void aManualRefundHasAnAmountAndNoLines() {
        Refund refund = manual();
        assertEquals(RefundKind.MANUAL, refund.kind());
        assertEquals(RefundStatus.REQUESTED, refund.status());
        assertEquals(List.of(), refund.lines());
        assertFalse(refund.includesShipping());
        assertTrue(refund.grantedRefundId().isEmpty());
        assertEquals(jpy(1_500), refund.amount());
    }

    @Test
    void aGrantedRefundCarriesLinesAndShipping() {
        Refund refund = granted(List.of(RefundLine.of("line-1", "T3JkZXJMaW5lOjE=", 1)), true);
        assertEquals(RefundKind.GRANTED, refund.kind());
        assertEquals("T3JkZXJHcmFudGVkUmVmdW5kOjE=", refund.grantedRefundId().orElseThrow());
        assertEquals(1, refund.lines().get(0).quantity());
        assertTrue(refund.lines().get(0).amountIfKnown().isEmpty());
        assertTrue(refund.includesShipping());
        assertEquals(RefundStage.AFTER_SHIPMENT, refund.stage());
    }

    @Test
    void aGrantedRefundOfShippingOnlyIsFine() {
        assertTrue(granted(List.of(), true).lines().isEmpty());
    }

    @Test
    void aGrantedRefundRefundsSomething() {
        InvalidValue nothing = assertThrows(InvalidValue.class, () -> granted(List.of(), false));
        assertTrue(nothing.getMessage().contains("neither lines nor shipping"));
    }

    @Test
    void theGrantedRefundIdIsAPrintableSaleorId() {
        RefundLine line = RefundLine.of("line-1", "order-line-1", 1);
        assertThrows(InvalidValue.class, () -> Refund.requestGranted(RefundId.of("r-2"), TX, "x".repeat(256), jpy(1),
            List.of(line), false, RefundStage.BEFORE_SHIPMENT, T0));
        assertThrows(InvalidValue.class, () -> Refund.requestGranted(RefundId.of("r-2"), TX, "id\u0000", jpy(1),
            List.of(line), false, RefundStage.BEFORE_SHIPMENT, T0));
        assertEquals(255, Refund.requestGranted(RefundId.of("r-2"), TX, "x".repeat(255), jpy(1), List.of(line), false,
            RefundStage.BEFORE_SHIPMENT, T0).grantedRefundId().orElseThrow().length());
    }

    @Test
    void linesAreListedOnce() {
        RefundLine line = RefundLine.of("line-1", "order-line-1", 1);
        assertThrows(InvalidValue.class, () -> granted(List.of(line, line), false));
    }

    @Test
    void lineAmountsAreInTheRefundsCurrency() {
        RefundLine inEuro = new RefundLine("line-1", "order-line-1", 1, Money.of(500, Currency.EUR));
        assertThrows(CurrencyMismatch.class, () -> granted(List.of(inEuro), false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void linesRefundAtLeastOneUnit(int quantity) {
        assertThrows(InvalidValue.class, () -> RefundLine.of("line-1", "order-line-1", quantity));
    }

    @Test
    void linesNeedIds() {
        assertThrows(InvalidValue.class, () -> RefundLine.of(" ", "order-line-1", 1));
        assertThrows(InvalidValue.class, () -> RefundLine.of("line-1", null, 1));
        assertThrows(InvalidValue.class, () -> new RefundLine("line-1", "order-line-1", 1, jpy(0)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void theAmountIsPositive(long amount) {
        assertThrows(InvalidValue.class,
            () -> Refund.requestManual(RefundId.of("r-1"), TX, jpy(amount), RefundStage.BEFORE_SHIPMENT, T0));
    }

    @Test
    void succeedsOnceWithTheProvidersReference() {
        Refund refund = manual();
        refund.succeeded("22222222222", T1);
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals("22222222222", refund.providerReference().orElseThrow());
        assertEquals(T1, refund.updatedAt());
        assertEquals(T0, refund.requestedAt());
        IllegalTransition again = assertThrows(IllegalTransition.class, () -> refund.succeeded(null, T1));
        assertTrue(again.getMessage().contains("SUCCEEDED"), again.getMessage());
        assertThrows(IllegalTransition.class, () -> refund.failed("late", T1));
    }

    @Test
    void aFailureSaysWhichStepFailed() {
        Refund refund = manual();
        refund.failed("cancel succeeded; re-register failed: E0100002", T1);
        assertEquals(RefundStatus.FAILED, refund.status());
        assertEquals("cancel succeeded; re-register failed: E0100002", refund.message().orElseThrow());
        assertThrows(IllegalTransition.class, () -> refund.succeeded(null, T1));
        assertThrows(IllegalArgumentException.class, () -> manual().failed(" ", T1));
    }

    @Test
    void fullMeansTheWholeChargedAmount() {
        assertTrue(manual().isFullRefundOf(jpy(1_500)));
        assertFalse(manual().isFullRefundOf(jpy(3_000)));
    }

    @Test
    void aSnapshotReconstitutesTheSameRefund() {
        Refund refund = granted(List.of(new RefundLine("line-1", "order-line-1", 2, jpy(1_000))), true);
        refund.failed("shipment report failed", T1);
        RefundSnapshot stored = refund.snapshot();
        assertEquals(stored, Refund.reconstitute(stored).snapshot());
    }

    @Test
    void aManualRefundWithLinesIsRejectedOnReconstitution() {
        RefundSnapshot corrupt = new RefundSnapshot(RefundId.of("r-1"), TX, RefundKind.MANUAL, null, jpy(1),
            List.of(RefundLine.of("line-1", "order-line-1", 1)), false, RefundStage.BEFORE_SHIPMENT,
            RefundStatus.REQUESTED, null, null, T0, T0, 0);
        assertThrows(IllegalArgumentException.class, () -> Refund.reconstitute(corrupt));
    }
}
