package dev.payhooks.domain.refund;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The fake behaves like the database adapter in what callers rely on. */
class InMemoryRefundsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final TransactionId TX = TransactionId.of("tx-1");

    private static Refund granted(String id, String grantedId, Instant at) {
        return Refund.requestGranted(RefundId.of(id), TX, grantedId, Money.of(100, Currency.JPY),
            List.of(RefundLine.of("line-1", "order-line-1", 1)), false, RefundStage.BEFORE_SHIPMENT, at);
    }

    @Test
    void findsRefundsAndRefusesDuplicatesAndStaleUpdates() {
        InMemoryRefunds refunds = new InMemoryRefunds();
        refunds.add(granted("r-2", "g-2", T0.plusSeconds(1)));
        refunds.add(granted("r-1", "g-1", T0.plusSeconds(1)));
        refunds.add(granted("r-0", "g-0", T0));

        assertThrows(Conflict.class, () -> refunds.add(granted("r-1", "g-9", T0)));
        assertThrows(Conflict.class, () -> refunds.add(granted("r-9", "g-1", T0)));
        assertEquals(List.of("r-0", "r-1", "r-2"), refunds.ofTransaction(TX).stream().map(r -> r.id().value()).toList());
        assertEquals("r-1", refunds.byGrantedRefundId(TX, "g-1").orElseThrow().id().value());
        assertTrue(refunds.byGrantedRefundId(TransactionId.of("tx-2"), "g-1").isEmpty());

        Refund first = refunds.byId(RefundId.of("r-1")).orElseThrow();
        Refund second = refunds.byId(RefundId.of("r-1")).orElseThrow();
        first.succeeded("psp-1", T0.plusSeconds(5));
        refunds.update(first);
        second.failed("too late", T0.plusSeconds(6));
        assertThrows(Conflict.class, () -> refunds.update(second));
        Refund stored = refunds.byId(RefundId.of("r-1")).orElseThrow();
        assertEquals(RefundStatus.SUCCEEDED, stored.status());
        assertEquals(1, stored.version());
    }
}
