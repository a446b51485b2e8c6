package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import dev.payhooks.domain.saleor.FulfillmentOrigin;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.WebhookReplies;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.fulfillment.JpaFulfillments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaSaleorRepositoriesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final String API = "https://shop.example/graphql/";
    static final TransactionId TX = TransactionId.of("adyen-0123456789abcdef0123456789abcdef01234567");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void installationsAreStoredAndUpdatedWithOptimisticLocking(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> new JpaSaleorInstallations(em).add(SaleorInstallation.install(API, ProviderId.NP_ATOBARAI, "m1",
                "QXBwOjE0", new SealedSecret("sealed-1"), "{\"keys\":[]}", T0)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaSaleorInstallations(em).add(SaleorInstallation.install(
                API, ProviderId.NP_ATOBARAI, "m1", "x", new SealedSecret("s"), "{}", T0))));

            SaleorInstallation read = db.query(em -> new JpaSaleorInstallations(em).find(API, ProviderId.NP_ATOBARAI)).orElseThrow();
            assertEquals("QXBwOjE0", read.appId());
            assertEquals("sealed-1", read.token().value());
            assertTrue(db.query(em -> new JpaSaleorInstallations(em).find(API, ProviderId.ADYEN)).isEmpty());

            read.keysRefreshed("{\"keys\":[1]}", T0.plusSeconds(1));
            db.run(em -> new JpaSaleorInstallations(em).update(read));
            assertEquals("{\"keys\":[1]}", db.query(em -> new JpaSaleorInstallations(em).find(API, ProviderId.NP_ATOBARAI))
                .orElseThrow().jwks());
            // the copy read before the update is stale now
            assertThrows(Conflict.class, () -> db.run(em -> new JpaSaleorInstallations(em).update(read)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAssignedSaleorApiUrlBelongsToOneMerchant(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            String other = "https://other.example/graphql/";
            db.run(em -> new JpaSaleorApiUrlAssignments(em).add(new AssignedSaleorApiUrl(other, "m2", T0)));
            db.run(em -> new JpaSaleorApiUrlAssignments(em).add(new AssignedSaleorApiUrl(API, "m2", T0.plusSeconds(1))));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaSaleorApiUrlAssignments(em)
                .add(new AssignedSaleorApiUrl(API, "m1", T0))));
            assertThrows(RuntimeException.class, () -> db.run(em -> new JpaSaleorApiUrlAssignments(em)
                .add(new AssignedSaleorApiUrl("https://third.example/graphql/", "nobody", T0))), "the merchant must exist");

            assertEquals(new AssignedSaleorApiUrl(API, "m2", T0.plusSeconds(1)),
                db.query(em -> new JpaSaleorApiUrlAssignments(em).find(API)).orElseThrow());
            assertEquals(List.of(other, API), db.query(em -> new JpaSaleorApiUrlAssignments(em).ofMerchant("m2")).stream()
                .map(AssignedSaleorApiUrl::apiUrl).toList());
            assertEquals(List.of(), db.query(em -> new JpaSaleorApiUrlAssignments(em).ofMerchant("m1")));
            assertTrue(db.query(em -> new JpaSaleorApiUrlAssignments(em).find(API + "x")).isEmpty(), "exact match only");

            db.run(em -> new JpaSaleorApiUrlAssignments(em).remove(API));
            db.run(em -> new JpaSaleorApiUrlAssignments(em).remove(API));
            assertTrue(db.query(em -> new JpaSaleorApiUrlAssignments(em).find(API)).isEmpty());
            db.run(em -> new JpaSaleorApiUrlAssignments(em).add(new AssignedSaleorApiUrl(API, "m1", T0)));
            assertEquals("m1", db.query(em -> new JpaSaleorApiUrlAssignments(em).find(API)).orElseThrow().merchantId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMerchantsInstallationsAreListedAcrossProvidersAndRemoved(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> new JpaSaleorInstallations(em).add(SaleorInstallation.install(API, ProviderId.NP_ATOBARAI, "m1",
                "QXBwOjE0", new SealedSecret("sealed-1"), "{\"keys\":[]}", T0)));
            db.run(em -> new JpaSaleorInstallations(em).add(SaleorInstallation.install(API, ProviderId.ADYEN, "m1",
                "QXBwOjI0", new SealedSecret("sealed-2"), "{\"keys\":[]}", T0)));
            db.run(em -> new JpaSaleorInstallations(em).add(SaleorInstallation.install("https://other.example/graphql/",
                ProviderId.ADYEN, "m2", "QXBwOjM0", new SealedSecret("sealed-3"), "{\"keys\":[]}", T0)));

            assertEquals(List.of("adyen", "np-atobarai"), db.query(em -> new JpaSaleorInstallations(em).ofMerchant("m1"))
                .stream().map(i -> i.provider().slug()).toList());

            SaleorInstallation np = db.query(em -> new JpaSaleorInstallations(em).find(API, ProviderId.NP_ATOBARAI)).orElseThrow();
            db.run(em -> new JpaSaleorInstallations(em).remove(np));

            assertTrue(db.query(em -> new JpaSaleorInstallations(em).find(API, ProviderId.NP_ATOBARAI)).isEmpty());
            assertEquals(List.of("QXBwOjI0"), db.query(em -> new JpaSaleorInstallations(em).ofMerchant("m1"))
                .stream().map(SaleorInstallation::appId).toList());
            assertEquals(1, db.query(em -> new JpaSaleorInstallations(em).ofMerchant("m2")).size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReplyIsClaimedOnceAndAnsweredFromStore(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertInstanceOf(WebhookReplies.Claimed.class,
                db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "initialize:k1", T0)));
            WebhookReplies.InProgress busy = assertInstanceOf(WebhookReplies.InProgress.class,
                db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "initialize:k1", T0.plusSeconds(1))));
            assertEquals(T0, busy.since());

            db.run(em -> new JpaWebhookReplies(em, db.dataSource()).complete("np " + API, "initialize:k1", "{\"result\":\"CHARGE_SUCCESS\"}", T0));

            WebhookReplies.Answered answered = assertInstanceOf(WebhookReplies.Answered.class,
                db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "initialize:k1", T0.plusSeconds(2))));
            assertEquals("{\"result\":\"CHARGE_SUCCESS\"}", answered.reply());
            assertInstanceOf(WebhookReplies.Claimed.class,
                db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "initialize:k2", T0)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentClaimsHaveOneWinner(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<WebhookReplies.Claim>> calls = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    calls.add(() -> db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "refund:tx:1500", T0)));
                }
                int winners = 0;
                for (Future<WebhookReplies.Claim> claim : pool.invokeAll(calls)) {
                    if (claim.get() instanceof WebhookReplies.Claimed) {
                        winners++;
                    } else {
                        assertInstanceOf(WebhookReplies.InProgress.class, claim.get());
                    }
                }
                assertEquals(1, winners);
            } finally {
                pool.shutdown();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void fulfillmentOriginsAndDueReports(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1").withTransactions("m1", "tx-1")) {
            TransactionId tx = TransactionId.of("tx-1");
            FulfillmentId id = FulfillmentId.of("RnVsZmlsbG1lbnQ6MQ==");
            db.run(em -> new JpaFulfillments(em).add(Fulfillment.record(id, tx, TrackingNumber.of("1234567890"), "50000", T0)));
            FulfillmentOrigin origin = new FulfillmentOrigin(tx, id, "m1", API, ProviderId.NP_ATOBARAI, "T3JkZXI6MQ==");
            db.run(em -> new JpaFulfillmentOrigins(em).record(origin));
            db.run(em -> new JpaFulfillmentOrigins(em).record(origin));  // again: no change

            assertEquals(List.of(origin), db.query(em -> new JpaFulfillmentOrigins(em).dueForReport(3, 10)));

            for (int attempt = 0; attempt < 3; attempt++) {
                db.run(em -> {
                    Fulfillment f = new JpaFulfillments(em).byId(tx, id).orElseThrow();
                    f.reportFailed("NP down", T0);
                    new JpaFulfillments(em).update(f);
                });
            }
            assertEquals(List.of(), db.query(em -> new JpaFulfillmentOrigins(em).dueForReport(3, 10)));
            assertEquals(List.of(origin), db.query(em -> new JpaFulfillmentOrigins(em).dueForReport(4, 10)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void orderNotesWaitUntilSentOrGivenUp(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            OrderNote note = OrderNote.toSend("n-1", API, ProviderId.NP_ATOBARAI, "T3JkZXI6MQ==",
                "Successfully reported fulfillment for tracking number 1234567890", T0);
            db.run(em -> new JpaOrderNotes(em).add(note));
            assertEquals(1, db.query(em -> new JpaOrderNotes(em).pending(10)).size());

            note.notTaken("Saleor did not answer within 5000 ms", T0.plusSeconds(1));
            db.run(em -> new JpaOrderNotes(em).update(note));
            OrderNote read = db.query(em -> new JpaOrderNotes(em).pending(10)).get(0);
            assertEquals(1, read.attempts());
            assertEquals("Saleor did not answer within 5000 ms", read.warning());

            note.sent(T0.plusSeconds(2));
            db.run(em -> new JpaOrderNotes(em).update(note));
            assertEquals(List.of(), db.query(em -> new JpaOrderNotes(em).pending(10)));
            assertEquals(OrderNote.Status.SENT, db.query(em -> new JpaOrderNotes(em).ofOrder("T3JkZXI6MQ==")).get(0).status());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentSendersClaimEachNoteOnce(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            for (int i = 0; i < 5; i++) {
                OrderNote note = OrderNote.toSend("n-" + i, API, ProviderId.NP_ATOBARAI, "o", "note " + i, T0.plusSeconds(i));
                db.run(em -> new JpaOrderNotes(em).add(note));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<List<OrderNote>>> senders = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    senders.add(() -> db.query(em -> new JpaOrderNotes(em).claimPending(10, T0.plusSeconds(10),
                        java.time.Duration.ofMinutes(1))));
                }
                List<String> claimed = new ArrayList<>();
                for (Future<List<OrderNote>> sender : pool.invokeAll(senders)) {
                    sender.get().forEach(n -> claimed.add(n.id()));
                }
                assertEquals(5, claimed.size(), claimed.toString());
                assertEquals(5, claimed.stream().distinct().count(), claimed.toString());
            } finally {
                pool.shutdown();
            }
            // held for the lease, free again after it
            assertEquals(List.of(), db.query(em -> new JpaOrderNotes(em).claimPending(10, T0.plusSeconds(30),
                java.time.Duration.ofMinutes(1))));
            assertEquals(5, db.query(em -> new JpaOrderNotes(em).claimPending(10, T0.plusSeconds(100),
                java.time.Duration.ofMinutes(1))).size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReleasedClaimCanBeClaimedAgainButAnAnsweredOneCannot(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "refund:tx:1500", T0));
            db.run(em -> new JpaWebhookReplies(em, db.dataSource()).release("np " + API, "refund:tx:1500"));
            assertInstanceOf(WebhookReplies.Claimed.class,
                db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "refund:tx:1500", T0)));

            db.run(em -> new JpaWebhookReplies(em, db.dataSource()).complete("np " + API, "refund:tx:1500", "{}", T0));
            db.run(em -> new JpaWebhookReplies(em, db.dataSource()).release("np " + API, "refund:tx:1500"));
            assertInstanceOf(WebhookReplies.Answered.class,
                db.query(em -> new JpaWebhookReplies(em, db.dataSource()).claim("np " + API, "refund:tx:1500", T0)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void transactionReportsAreClaimedOnceRetriedWhenDueAndFoundByTransaction(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> new JpaSaleorInstallations(em).add(SaleorInstallation.install(API, ProviderId.ADYEN, "m1",
                "QXBwOjE0", new SealedSecret("sealed-1"), "{}", T0)));
            assertEquals(List.of(API), db.query(em -> new JpaSaleorInstallations(em).ofMerchant("m1", ProviderId.ADYEN))
                .stream().map(SaleorInstallation::apiUrl).toList());
            assertEquals(List.of(), db.query(em -> new JpaSaleorInstallations(em).ofMerchant("m1", ProviderId.NP_ATOBARAI)));
            for (int i = 0; i < 5; i++) {
                TransactionReport report = TransactionReport.toSend("r-" + i, "m1", TX, API, ProviderId.ADYEN, "T" + (i % 2),
                    "CAP" + i, "CHARGE_SUCCESS", "10.00", T0, i == 0 ? null : "Adyen CAPTURE", T0.plusSeconds(i));
                db.run(em -> new JpaTransactionReports(em).add(report));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<TransactionReport> claimed = new ArrayList<>();
            try {
                List<Callable<List<TransactionReport>>> senders = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    senders.add(() -> db.query(em -> new JpaTransactionReports(em).claimDue(10, T0.plusSeconds(10),
                        java.time.Duration.ofMinutes(1))));
                }
                for (Future<List<TransactionReport>> sender : pool.invokeAll(senders)) {
                    claimed.addAll(sender.get());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(5, claimed.size(), claimed.toString());
            assertEquals(5, claimed.stream().map(TransactionReport::id).distinct().count());
            // held for the lease
            assertEquals(List.of(), db.query(em -> new JpaTransactionReports(em).claimDue(10, T0.plusSeconds(30),
                java.time.Duration.ofMinutes(1))));

            TransactionReport first = claimed.stream().filter(r -> r.id().equals("r-0")).findFirst().orElseThrow();
            first.notDelivered("Saleor did not answer within 5000 ms", T0.plusSeconds(20));
            db.run(em -> new JpaTransactionReports(em).update(first));
            TransactionReport second = claimed.stream().filter(r -> r.id().equals("r-1")).findFirst().orElseThrow();
            second.sent(T0.plusSeconds(20));
            db.run(em -> new JpaTransactionReports(em).update(second));

            // r-0 is due again 10 s after its failure; the others once their lease ended; r-1 never
            List<String> dueAt35 = db.query(em -> new JpaTransactionReports(em).claimDue(10, T0.plusSeconds(35),
                java.time.Duration.ofMinutes(1))).stream().map(TransactionReport::id).toList();
            assertEquals(List.of("r-0"), dueAt35);
            List<TransactionReport> ofT0 = db.query(em -> new JpaTransactionReports(em).ofSaleorTransaction("T0"));
            assertEquals(List.of("r-0", "r-2", "r-4"), ofT0.stream().map(TransactionReport::id).toList());
            assertEquals(1, ofT0.get(0).attempts());
            assertEquals("Saleor did not answer within 5000 ms", ofT0.get(0).lastError());
            assertEquals(TransactionReport.Status.SENT,
                db.query(em -> new JpaTransactionReports(em).ofSaleorTransaction("T1")).get(0).status());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyReportsGivenUpUndeliveredOnTheirTransactionAreClaimedForTheReconciliation(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            ReconciliationPolicy policy = new ReconciliationPolicy(Duration.ofMinutes(30), 3, Duration.ofMinutes(10),
                Duration.ofHours(1), 100);
            Instant gaveUp = T0.plusSeconds(60);
            for (String id : List.of("undelivered", "refused", "pending", "flagged")) {
                TransactionReport report = TransactionReport.toSend(id, "m1", TX, API, ProviderId.ADYEN, "T", "CAP",
                    "CHARGE_SUCCESS", "10.00", T0, null, T0);
                if (id.equals("refused")) {
                    report.refused("transactionEventReport errors: INCORRECT_DETAILS", gaveUp);
                } else if (!id.equals("pending")) {
                    for (int i = 0; i < TransactionReport.MAX_ATTEMPTS; i++) {
                        report.notDelivered("HTTP 503", gaveUp);
                    }
                }
                if (id.equals("flagged")) {
                    for (int i = 0; i < policy.maxAttempts(); i++) {
                        report.stillUndelivered("HTTP 503", gaveUp, policy);
                    }
                }
                db.run(em -> new JpaTransactionReports(em).add(report));
            }
            db.run(em -> new JpaTransactionReports(em).add(new TransactionReport("unlinked", null, null, API,
                ProviderId.ADYEN, "T", "CAP", "CHARGE_SUCCESS", "10.00", T0, null, TransactionReport.Status.FAILED, 10,
                "HTTP 503", T0, TransactionReport.Failure.UNDELIVERED, 0, T0, T0)));

            assertEquals(List.of(), db.query(em -> new JpaTransactionReports(em).claimUndelivered(10, gaveUp.minusSeconds(1),
                Duration.ofMinutes(5))), "not before it was given up");
            List<TransactionReport> claimed = db.query(em -> new JpaTransactionReports(em).claimUndelivered(10, gaveUp,
                Duration.ofMinutes(5)));
            assertEquals(List.of("undelivered"), claimed.stream().map(TransactionReport::id).toList());
            assertEquals(gaveUp.plus(Duration.ofMinutes(5)), claimed.get(0).dueAt());
            assertEquals(Optional.of(TX), claimed.get(0).transactionId());
            assertEquals(Optional.of("m1"), claimed.get(0).merchantId());
            assertEquals(List.of(), db.query(em -> new JpaTransactionReports(em).claimUndelivered(10, gaveUp.plusSeconds(1),
                Duration.ofMinutes(5))), "held for the lease");
            assertEquals(List.of(), db.query(em -> new JpaTransactionReports(em).claimDue(10, gaveUp.plus(Duration.ofDays(1)),
                Duration.ofMinutes(5))).stream().filter(r -> !r.id().equals("pending")).toList(), "the sender's are pending ones");

            TransactionReport again = claimed.get(0);
            again.stillUndelivered("connect timed out", gaveUp.plusSeconds(2), policy);
            db.run(em -> new JpaTransactionReports(em).update(again));
            TransactionReport read = db.query(em -> new JpaTransactionReports(em).ofSaleorTransaction("T")).stream()
                .filter(r -> r.id().equals("undelivered")).findFirst().orElseThrow();
            assertEquals(1, read.redeliveries());
            assertEquals(Optional.of(TransactionReport.Failure.UNDELIVERED), read.failure());
            assertEquals(gaveUp.plusSeconds(2).plus(Duration.ofMinutes(10)), read.dueAt());
            assertEquals(Optional.of(TransactionReport.Failure.FLAGGED), db.query(em -> new JpaTransactionReports(em)
                .ofSaleorTransaction("T")).stream().filter(r -> r.id().equals("flagged")).findFirst().orElseThrow().failure());
        }
    }
}
