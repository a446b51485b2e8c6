package dev.payhooks.domain.reconciliation;

import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconciliationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final ReconciliationPolicy POLICY = new ReconciliationPolicy(Duration.ofMinutes(30), 3,
        Duration.ofMinutes(10), Duration.ofMinutes(25), 100);

    @Test
    void delaysDoubleUpToTheLongest() {
        assertEquals(Duration.ofMinutes(10), POLICY.delayAfter(1));
        assertEquals(Duration.ofMinutes(20), POLICY.delayAfter(2));
        assertEquals(Duration.ofMinutes(25), POLICY.delayAfter(3));
        assertEquals(Duration.ofMinutes(25), POLICY.delayAfter(40));
    }

    @Test
    void policyRefusesSettingsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ReconciliationPolicy(Duration.ofSeconds(5), 3,
            Duration.ofMinutes(1), Duration.ofMinutes(2), 10));
        assertThrows(IllegalArgumentException.class, () -> new ReconciliationPolicy(Duration.ofMinutes(5), 0,
            Duration.ofMinutes(1), Duration.ofMinutes(2), 10));
        assertThrows(IllegalArgumentException.class, () -> new ReconciliationPolicy(Duration.ofMinutes(5), 3,
            Duration.ofMinutes(3), Duration.ofMinutes(2), 10));
        assertThrows(IllegalArgumentException.class, () -> new ReconciliationPolicy(Duration.ofMinutes(5), 3,
            Duration.ofMinutes(1), Duration.ofMinutes(2), 0));
    }

    @Test
    void unknownOutcomesBackOffThenFlagAfterTheLastAttempt() {
        Reconciliation r = Reconciliation.start("m1", TransactionId.of("tx-1"), T0);
        assertFalse(r.stillUnknown("no answer", T0, POLICY));
        assertEquals(T0.plus(Duration.ofMinutes(10)), r.nextCheckAt());
        assertFalse(r.stillUnknown("no answer", T0.plusSeconds(600), POLICY));
        assertEquals(T0.plusSeconds(600).plus(Duration.ofMinutes(20)), r.nextCheckAt());
        assertTrue(r.stillUnknown("still on hold", T0.plusSeconds(1800), POLICY));
        assertTrue(r.needsAttention());
        assertEquals(3, r.attempts());
        assertEquals("Outcome still unknown after 3 checks: still on hold", r.reason().orElseThrow());
        assertThrows(IllegalTransition.class, () -> r.stillUnknown("again", T0.plusSeconds(4000), POLICY));
    }

    @Test
    void staffResolveOnlyAFlaggedOneAndAChangedTransactionReopensIt() {
        Reconciliation r = Reconciliation.start("m1", TransactionId.of("tx-1"), T0);
        assertThrows(IllegalTransition.class, () -> r.resolve("alice", "", T0));
        for (int i = 0; i < 3; i++) {
            r.stillUnknown("no answer", T0, POLICY);
        }
        r.resolve("alice", "  refunded by hand  ", T0.plusSeconds(60));
        assertEquals(Reconciliation.State.RESOLVED, r.state());
        assertEquals("alice", r.resolvedBy().orElseThrow());
        assertEquals("refunded by hand", r.lastResult().orElseThrow());
        r.reopen(T0.plusSeconds(120));
        assertEquals(Reconciliation.State.CHECKING, r.state());
        assertEquals(0, r.attempts());
        assertTrue(r.reason().isEmpty());
    }

    @Test
    void aSettledCheckCountsAsAnAttempt() {
        Reconciliation r = Reconciliation.start("m1", TransactionId.of("tx-1"), T0);
        r.settled("Credit check approved", true, T0);
        assertEquals(1, r.attempts());
        assertEquals(Reconciliation.State.SETTLED, r.state());
        assertThrows(IllegalTransition.class, () -> r.settled("again", false, T0));
    }

    @Test
    void openOutcomesAreAttemptsInProgressAndUnconfirmedRequests() {
        PaymentTransaction t = PaymentTransaction.initialize(TransactionId.of("tx-1"), "jp", ProviderId.NP_ATOBARAI, "s1",
            Currency.JPY, T0);
        assertFalse(Reconciliation.open(t));
        t.chargeActionRequired(ProviderReport.of(Money.of(3000, Currency.JPY), T0));
        assertTrue(Reconciliation.open(t));
        t.chargeSucceeded(ProviderReport.of(Money.of(3000, Currency.JPY), T0));
        assertFalse(Reconciliation.open(t));
        t.refundRequested(ProviderReport.of(Money.of(1000, Currency.JPY), T0));
        assertTrue(Reconciliation.open(t));
    }

    @Test
    void aSaleorReportThatCouldNotBeDeliveredFlagsTheTransactionWhateverItsReconciliationDid() {
        TransactionId id = TransactionId.of("adyen-0123456789abcdef0123456789abcdef01234567");
        Reconciliation fresh = Reconciliation.flagged("m-1", id, "The Saleor report could not be delivered", T0);
        assertTrue(fresh.needsAttention());
        assertEquals("The Saleor report could not be delivered", fresh.reason().orElseThrow());

        Reconciliation settled = Reconciliation.start("m-1", id, T0);
        settled.settled("The outcome arrived: CHARGED", false, T0);
        settled.flag("The Saleor report could not be delivered", T0.plusSeconds(5));
        assertEquals(Reconciliation.State.NEEDS_ATTENTION, settled.state());
        assertEquals(T0.plusSeconds(5), settled.updatedAt());

        Reconciliation resolved = Reconciliation.flagged("m-1", id, "first", T0);
        resolved.resolve("staff@example.test", "done", T0);
        resolved.flag("second", T0.plusSeconds(5));
        assertTrue(resolved.needsAttention());
        assertTrue(resolved.resolvedBy().isEmpty());
        assertEquals("second", resolved.reason().orElseThrow());

        Reconciliation twice = Reconciliation.start("m-1", id, T0);
        for (int i = 0; i < POLICY.maxAttempts(); i++) {
            twice.stillUnknown("on hold", T0, POLICY);
        }
        twice.flag("The Saleor report could not be delivered", T0);
        assertEquals("Outcome still unknown after 3 checks: on hold — The Saleor report could not be delivered",
            twice.reason().orElseThrow());
    }
}
