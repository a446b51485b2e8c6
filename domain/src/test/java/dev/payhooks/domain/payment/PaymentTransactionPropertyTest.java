package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.ArrayList;
import java.util.List;

import static dev.payhooks.domain.payment.TransactionFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Whatever providers report, in whatever order, the amount rules hold after every step, a
 * rejected report changes nothing, and the stored form reconstitutes the same transaction.
 */
class PaymentTransactionPropertyTest {

    /**
     * One report. Most steps pick among the (operation, result) pairs the current status
     * allows, so that walks get deep; the others pick any pair, mostly illegal ones.
     */
    record Step(boolean allowedOnly, int pick, long cents, String eventKey) {
    }

    @Provide
    Arbitrary<List<Step>> walks() {
        Arbitrary<Step> step = Combinators.combine(
            Arbitraries.of(true, true, true, false),
            Arbitraries.integers().between(0, 1_000),
            // 0 = "all that is left", as full captures and refunds are; round amounts add up now and then
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1_000L, 2_000L, 5_000L, 10_000L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 12_000))),
            Arbitraries.of("k1", "k2", "k3").injectNull(0.8)
        ).as(Step::new);
        return step.list().ofMaxSize(25);
    }

    @Property(tries = 400)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // coverage is still checked
    void amountRulesHoldAfterEveryStep(@ForAll("walks") List<Step> walk) {
        PaymentTransaction tx = fresh();
        for (Step step : walk) {
            List<Operation> operations = new ArrayList<>();
            List<OperationResult> results = new ArrayList<>();
            for (Operation operation : Operation.values()) {
                for (OperationResult result : OperationResult.values()) {
                    if (!step.allowedOnly() || TransitionTable.allows(tx.status(), operation, result)) {
                        operations.add(operation);
                        results.add(result);
                    }
                }
            }
            if (operations.isEmpty()) {
                break;
            }
            int chosen = step.pick() % operations.size();
            Operation operation = operations.get(chosen);
            long cents = step.cents() > 0 ? step.cents() : allThatIsLeft(tx, operation);
            applyAndCheck(tx, operation, results.get(chosen), report(cents).withEventKey(step.eventKey()));
        }
        assertEquals(tx.snapshot(), PaymentTransaction.reconstitute(tx.snapshot()).snapshot());

        tx.events().forEach(event -> Statistics.label("statuses reached").collect(event.statusAfter()));
        Statistics.label("statuses reached").coverage(coverage -> {
            for (TransactionStatus status : TransactionStatus.values()) {
                if (status != TransactionStatus.NEW) { // no event leads back to NEW
                    coverage.check(status).count(count -> count > 0);
                }
            }
        });
    }

    private static long allThatIsLeft(PaymentTransaction tx, Operation operation) {
        TransactionAmounts a = tx.amounts();
        long left = switch (operation) {
            case CHARGE -> a.uncaptured().minorUnits();
            case REFUND, CHARGEBACK -> a.charged().minus(a.refunded()).minorUnits();
            case REFUND_REVERSAL -> a.refunded().minorUnits();
            case CANCEL -> a.authorized().minorUnits();
            case AUTHORIZE -> 10_000;
        };
        return Math.max(left, 1);
    }

    private static void applyAndCheck(PaymentTransaction tx, Operation operation, OperationResult result,
                                      ProviderReport report) {
        TransactionSnapshot before = tx.snapshot();
        try {
            List<TransactionEvent> events = tx.apply(operation, result, report);
            assertTrue(events.size() <= 1);
            if (events.isEmpty()) {
                assertEquals(before, tx.snapshot(), "a repeated fact changes nothing");
            }
        } catch (DomainException rejected) {
            assertEquals(before, tx.snapshot(), "a rejected report changes nothing: " + rejected.getMessage());
        }
        assertInvariants(tx);
    }

    private static void assertInvariants(PaymentTransaction tx) {
        TransactionAmounts a = tx.amounts();
        String where = tx + " " + a;
        assertFalse(a.refunded().plus(a.refundPending()).isGreaterThan(a.charged()), "refunds ≤ charged: " + where);
        assertFalse(a.chargedBack().isGreaterThan(a.charged()), "chargebacks ≤ charged: " + where);
        if (a.authorized().isPositive()) {
            assertFalse(a.charged().plus(a.cancelled()).isGreaterThan(a.authorized()),
                "captured + voided ≤ authorized: " + where);
            assertFalse(a.charged().plus(a.cancelled()).plus(a.chargePending()).isGreaterThan(a.authorized()),
                "captures requested ≤ authorized: " + where);
        }
        switch (tx.status()) {
            case REFUNDED -> assertEquals(a.charged(), a.refunded(), where);
            case PARTIALLY_REFUNDED -> assertTrue(a.refunded().isPositive() && a.refunded().isLessThan(a.charged()), where);
            case CHARGED -> assertTrue(a.charged().isPositive() && a.refunded().isZero(), where);
            case AUTHORIZED -> assertTrue(a.authorized().isPositive() && a.charged().isZero(), where);
            case CANCELLED -> assertTrue(a.cancelled().isPositive() && a.charged().isZero(), where);
            case NEW, FAILED -> assertTrue(a.authorized().isZero() && a.charged().isZero(), where);
            default -> { }
        }
        if (!tx.events().isEmpty()) {
            assertEquals(tx.status(), tx.events().get(tx.events().size() - 1).statusAfter());
        }
    }
}
