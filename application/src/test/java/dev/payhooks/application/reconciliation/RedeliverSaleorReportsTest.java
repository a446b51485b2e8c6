package dev.payhooks.application.reconciliation;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.TransactionReportDelivery;
import dev.payhooks.application.saleor.TransactionReportDelivery.Answer;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.reconciliation.InMemoryReconciliations;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.domain.saleor.InMemoryTransactionReports;
import dev.payhooks.domain.saleor.TransactionReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedeliverSaleorReportsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final ReconciliationPolicy POLICY = new ReconciliationPolicy(Duration.ofMinutes(30), 3,
        Duration.ofMinutes(10), Duration.ofHours(1), 100);
    static final String API_URL = "https://shop.example/graphql/";

    final SteppingClock clock = new SteppingClock(T0);
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryReconciliations reconciliations = new InMemoryReconciliations(transactions);
    final InMemoryTransactionReports reports = new InMemoryTransactionReports();
    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final FakeSaleor saleor = new FakeSaleor();
    final RedeliverSaleorReports job;

    RedeliverSaleorReportsTest() {
        UnitOfWork direct = new UnitOfWork() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        job = new RedeliverSaleorReports(reports, saleor, transactions, reconciliations,
            trail.recorder(() -> Actor.SYSTEM, clock), direct, clock);
    }

    /** Saleor as a test sets it: the next answers in order, the last one repeated. */
    static final class FakeSaleor implements TransactionReportDelivery {
        final List<Answer> answers = new ArrayList<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public Answer deliver(TransactionReport report) {
            sent.add(report.id());
            Answer next = answers.size() > 1 ? answers.remove(0) : answers.get(0);
            if (next == null) {
                throw new IllegalStateException("saleor-secret-detail");
            }
            return next;
        }
    }

    PaymentTransaction charged(String merchantId, String id) {
        PaymentTransaction t = PaymentTransaction.initialize(TransactionId.of(id), "eu", ProviderId.ADYEN, "saleor-" + id,
            Currency.EUR, T0.minus(Duration.ofDays(2)));
        t.chargeSucceeded(ProviderReport.of(Money.of(2400, Currency.EUR), T0.minus(Duration.ofDays(2))));
        transactions.add(merchantId, t);
        return t;
    }

    /** A report on the merchant's transaction that the sender's retries did not deliver ({@code refused}: Saleor refused it). */
    TransactionReport failed(String id, String merchantId, String transactionId, boolean refused) {
        TransactionReport report = TransactionReport.toSend(id, merchantId, TransactionId.of(transactionId), API_URL,
            ProviderId.ADYEN, "saleor-" + transactionId, "CAP1", "CHARGE_SUCCESS", "24.00", T0.minus(Duration.ofDays(1)),
            "Adyen CAPTURE", T0.minus(Duration.ofDays(1)));
        if (refused) {
            report.refused("transactionEventReport errors: INCORRECT_DETAILS", T0);
        } else {
            for (int i = 0; i < TransactionReport.MAX_ATTEMPTS; i++) {
                report.notDelivered("HTTP 503", T0);
            }
        }
        reports.add(report);
        return report;
    }

    @Test
    void onlyReportsGivenUpUndeliveredOnAKnownTransactionAreSentAgain() {
        charged("m-1", "tx-1");
        failed("down", "m-1", "tx-1", false);
        failed("refused", "m-1", "tx-1", true);
        TransactionReport pending = TransactionReport.toSend("pending", "m-1", TransactionId.of("tx-1"), API_URL,
            ProviderId.ADYEN, "saleor-tx-1", "CAP2", "REFUND_SUCCESS", "4.00", T0, null, T0);
        reports.add(pending);
        reports.add(new TransactionReport("unlinked", null, null, API_URL, ProviderId.ADYEN, "saleor-tx-1", "CAP3",
            "CHARGE_SUCCESS", "1.00", T0, null, TransactionReport.Status.FAILED, 10, "HTTP 503", T0,
            TransactionReport.Failure.UNDELIVERED, 0, T0, T0));
        saleor.answers.add(new Answer.Taken(false));

        RedeliverSaleorReports.Report run = job.run(POLICY);

        assertEquals(List.of("down"), saleor.sent, "neither refused, pending nor unlinked reports");
        assertEquals(new RedeliverSaleorReports.Report(1, 1, 0, 0), run);
        TransactionReport down = reports.all().get(0);
        assertEquals(TransactionReport.Status.SENT, down.status());
        assertEquals(1, down.redeliveries());
        assertEquals(TransactionReport.Status.FAILED, reports.all().get(1).status());
        assertEquals(TransactionReport.Status.PENDING, pending.status());

        clock.advance(Duration.ofDays(1));
        assertEquals(new RedeliverSaleorReports.Report(0, 0, 0, 0), job.run(POLICY), "a report taken is done");
        assertTrue(reconciliations.all().isEmpty());
        assertTrue(trail.all().isEmpty());
    }

    @Test
    void aReportSaleorStillDoesNotTakeIsTriedAtThePolicysIntervalsThenItsTransactionIsFlaggedAudited() {
        charged("m-1", "tx-1");
        charged("m-2", "tx-2");
        failed("down", "m-1", "tx-1", false);
        saleor.answers.add(new Answer.NotDelivered("HTTP 503"));

        assertEquals(new RedeliverSaleorReports.Report(1, 0, 0, 0), job.run(POLICY));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, job.run(POLICY).resent(), "not due before the first delay");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, job.run(POLICY).resent());
        clock.advance(Duration.ofMinutes(19));
        assertEquals(0, job.run(POLICY).resent(), "the second delay is doubled");
        clock.advance(Duration.ofMinutes(1));
        saleor.answers.set(0, null); // the last try fails without an answer at all
        RedeliverSaleorReports.Report last = job.run(POLICY);

        assertEquals(new RedeliverSaleorReports.Report(1, 0, 0, 1), last);
        assertEquals(3, saleor.sent.size());
        TransactionReport report = reports.all().get(0);
        assertEquals(Optional.of(TransactionReport.Failure.FLAGGED), report.failure());
        assertFalse(report.lastError().contains("saleor-secret-detail"));
        Reconciliation r = reconciliations.all().get(0);
        assertEquals(TransactionId.of("tx-1"), r.transactionId());
        assertEquals("m-1", r.merchantId());
        assertTrue(r.needsAttention());
        assertEquals("The Saleor report could not be delivered (CHARGE_SUCCESS 24.00, pspReference CAP1) after 3 tries"
            + " by the reconciliation: the report could not be sent (IllegalStateException)", r.reason().orElseThrow());
        AuditEntry entry = trail.all().get(0);
        assertEquals("transaction.flagged", entry.action());
        assertEquals("transaction tx-1", entry.subject());
        assertEquals("m-1", entry.merchantId());

        clock.advance(Duration.ofDays(1));
        assertEquals(0, job.run(POLICY).resent(), "a flagged report waits for staff");
        PaymentTransactions.Filter flagged = PaymentTransactions.Filter.none().needingAttention(true);
        assertEquals(1, transactions.search("m-1", flagged, Optional.empty(), 10).items().size());
        assertEquals(0, transactions.search("m-2", flagged, Optional.empty(), 10).items().size());
    }

    @Test
    void aReportSaleorNowRefusesIsNotSentAgainNorFlagged() {
        charged("m-1", "tx-1");
        failed("down", "m-1", "tx-1", false);
        saleor.answers.add(new Answer.Refused("transactionEventReport errors: NOT_FOUND"));

        assertEquals(new RedeliverSaleorReports.Report(1, 0, 1, 0), job.run(POLICY));
        clock.advance(Duration.ofDays(1));
        assertEquals(0, job.run(POLICY).resent());
        assertEquals(Optional.of(TransactionReport.Failure.REFUSED), reports.all().get(0).failure());
        assertTrue(reconciliations.all().isEmpty());
    }

    @Test
    void aTransactionAlreadyReconciledIsFlaggedInItsReconciliationAndResolvedStaysResolvable() {
        charged("m-1", "tx-1");
        Reconciliation settled = Reconciliation.start("m-1", TransactionId.of("tx-1"), T0.minus(Duration.ofDays(1)));
        settled.settled("Credit check approved", true, T0.minus(Duration.ofDays(1)));
        reconciliations.add(settled);
        failed("down", "m-1", "tx-1", false);
        saleor.answers.add(new Answer.NotDelivered("connect timed out"));
        ReconciliationPolicy once = new ReconciliationPolicy(Duration.ofMinutes(30), 1, Duration.ofMinutes(10),
            Duration.ofHours(1), 100);

        assertEquals(1, job.run(once).flagged());

        Reconciliation r = reconciliations.all().get(0);
        assertEquals(Reconciliation.State.NEEDS_ATTENTION, r.state());
        assertEquals(1, r.attempts(), "the outcome's checks are kept");
        assertTrue(r.reason().orElseThrow().endsWith("after 1 try by the reconciliation: connect timed out"),
            r.reason().orElseThrow());
        r.resolve("admin", "Reported in Saleor's dashboard", T0);
        assertEquals(Reconciliation.State.RESOLVED, r.state());
    }

    @Test
    void aReportOfAnotherMerchantsTransactionFlagsNothing() {
        charged("m-2", "tx-2");
        failed("mixed", "m-1", "tx-2", false);
        saleor.answers.add(new Answer.NotDelivered("HTTP 503"));
        ReconciliationPolicy once = new ReconciliationPolicy(Duration.ofMinutes(30), 1, Duration.ofMinutes(10),
            Duration.ofHours(1), 100);

        assertEquals(1, job.run(once).flagged());

        assertTrue(reconciliations.all().isEmpty(), "m-1 has no transaction tx-2; m-2's is not touched");
        assertTrue(trail.all().isEmpty());
    }

    @Test
    void aFlagLosingToACheckOfTheSameReconciliationIsStoredOnTopOfIt() {
        charged("m-1", "tx-1");
        failed("down", "m-1", "tx-1", false);
        reconciliations.add(Reconciliation.start("m-1", TransactionId.of("tx-1"), T0));
        reconciliations.beforeNextUpdate(TransactionId.of("tx-1"),
            r -> r.stillUnknown("Adyen offers no status query", T0, POLICY));
        saleor.answers.add(new Answer.NotDelivered("HTTP 503"));
        ReconciliationPolicy once = new ReconciliationPolicy(Duration.ofMinutes(30), 1, Duration.ofMinutes(10),
            Duration.ofHours(1), 100);

        assertEquals(new RedeliverSaleorReports.Report(1, 0, 0, 1), job.run(once));

        Reconciliation r = reconciliations.all().get(0);
        assertEquals(Reconciliation.State.NEEDS_ATTENTION, r.state());
        assertEquals(1, r.attempts(), "the check that won is kept");
        assertEquals(Optional.of("Adyen offers no status query"), r.lastResult());
        assertTrue(r.reason().orElseThrow().startsWith("The Saleor report could not be delivered"), r.reason().orElseThrow());
        assertEquals(1, trail.all().size(), "audited once");
        assertEquals(TransactionReport.Status.FAILED, reports.all().get(0).status());
        assertEquals(1, reports.all().get(0).redeliveries());
    }
}
