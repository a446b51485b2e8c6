package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.payhooks.domain.payment.TransactionFixture.fresh;
import static dev.payhooks.domain.payment.TransactionFixture.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureReasonTest {

    static final FailureReason NO_FUNDS = new FailureReason("PAYMENT_METHOD_NO_FUNDS", "not enough funds");
    static final FailureReason EXPIRED = new FailureReason("PAYMENT_METHOD_EXPIRED", "the card has expired");

    @Test
    void codeAndDescriptionAreStrippedPrintableAndBounded() {
        assertEquals("X", new FailureReason(" X ", "d").code());
        assertThrows(InvalidValue.class, () -> new FailureReason("", "d"));
        assertThrows(InvalidValue.class, () -> new FailureReason("A\r\nB", "d"));
        assertThrows(InvalidValue.class, () -> new FailureReason("A".repeat(65), "d"));
        assertThrows(InvalidValue.class, () -> new FailureReason("A", "d".repeat(256)));
        assertThrows(InvalidValue.class, () -> new FailureReason("A", null));
        assertTrue(FailureReason.isValidCode("SOLAR_FLARE"));
        assertFalse(FailureReason.isValidCode("A\u0000"));
        assertFalse(FailureReason.isValidCode("A".repeat(65)));
        assertFalse(FailureReason.isValidCode(" "));
    }

    @Test
    void anUnknownCodeIsKeptWithAGenericDescription() {
        FailureReason unknown = FailureReason.unknown("SOLAR_FLARE", "Walley");
        assertEquals("SOLAR_FLARE", unknown.code());
        assertEquals("reason not known to the hub, reported by Walley", unknown.description());
    }

    @Test
    void theEventKeepsTheReasonAndTheTransactionShowsTheLatestOne() {
        PaymentTransaction tx = fresh();
        assertEquals(Optional.empty(), tx.reason());

        List<TransactionEvent> retrying = tx.authorizationRequested(report(10_000).withReason(NO_FUNDS).withEventKey("a:1"));
        assertEquals(NO_FUNDS, retrying.get(0).reason());
        assertEquals(Optional.of(NO_FUNDS), tx.reason());

        tx.authorizationFailed(report(10_000).withReason(EXPIRED).withEventKey("a:f"));
        assertEquals(Optional.of(EXPIRED), tx.reason());
        assertEquals(List.of(NO_FUNDS, EXPIRED), tx.events().stream().map(TransactionEvent::reason).toList());
        // the snapshot round trip keeps them
        assertEquals(Optional.of(EXPIRED), PaymentTransaction.reconstitute(tx.snapshot()).reason());
    }

    @Test
    void aLaterOutcomeWithoutAReasonClearsTheTransactionsReason() {
        PaymentTransaction tx = fresh();
        tx.authorizationRequested(report(10_000).withReason(NO_FUNDS));
        tx.authorizationSucceeded(report(10_000));
        assertEquals(Optional.empty(), tx.reason());
        assertEquals(NO_FUNDS, tx.events().get(0).reason());
    }
}
