package dev.payhooks.persistence.payment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions.Cursor;
import dev.payhooks.domain.payment.PaymentTransactions.Filter;
import dev.payhooks.domain.payment.PaymentTransactions.Page;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.merchant.JpaMerchants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import dev.payhooks.domain.payment.PaymentTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaPaymentTransactionsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static void merchants(TestDatabase db) {
        db.run(em -> {
            new JpaMerchants(em).add(Merchant.register("m1", "Shop one", "aaaaaaaaaaaaaaa", T0));
            new JpaMerchants(em).add(Merchant.register("m2", "Shop two", "bbbbbbbbbbbbbbb", T0));
        });
    }

    static PaymentTransaction authorized(String id, String channel, ProviderId provider, Instant at, long yen) {
        PaymentTransaction tx = PaymentTransaction.initialize(TransactionId.of(id), channel, provider, "saleor-" + id, Currency.JPY, at);
        tx.authorizationSucceeded(new ProviderReport(Money.of(yen, Currency.JPY), at, "psp-" + id, "Authorised", "auth-" + id, null));
        return tx;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachEventKeepsItsReasonCodeAndDescription(String kind) {
        FailureReason noFunds = new FailureReason("PAYMENT_METHOD_NO_FUNDS", "The payment method has insufficient funds");
        FailureReason unknown = FailureReason.unknown("\u2603 SOLAR_FLARE", "Walley");
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                PaymentTransaction tx = PaymentTransaction.initialize(TransactionId.of("tx-r"), "se-store", ProviderId.WALLEY,
                    "ref-r", Currency.SEK, T0);
                tx.authorizationRequested(ProviderReport.of(Money.of(3000, Currency.SEK), T0).withEventKey("on-hold"));
                tx.authorizationRequested(ProviderReport.of(Money.of(3000, Currency.SEK), T0.plusSeconds(5))
                    .withEventKey("retrying-1").withReason(noFunds));
                new JpaPaymentTransactions(em).add("m1", tx);
            });
            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                PaymentTransaction tx = repo.byId("m1", TransactionId.of("tx-r")).orElseThrow();
                tx.authorizationFailed(ProviderReport.of(Money.of(3000, Currency.SEK), T0.plusSeconds(9))
                    .withEventKey("failed").withReason(unknown));
                repo.update(tx);
            });

            PaymentTransaction found = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-r")).orElseThrow());
            assertEquals(java.util.Arrays.asList(null, noFunds, unknown),
                found.events().stream().map(dev.payhooks.domain.payment.TransactionEvent::reason).toList());
            assertEquals(Optional.of(unknown), found.reason());
        }
    }

    /** Hibernate's statistics of the database's persistence unit, counting from here on. */
    static org.hibernate.stat.Statistics statistics(TestDatabase db) {
        org.hibernate.stat.Statistics statistics = db.entityManagerFactory()
            .unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        return statistics;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionKeepsItsStateEventsAndReferences(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> new JpaPaymentTransactions(em).add("m1", authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000)));

            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                PaymentTransaction tx = repo.byId("m1", TransactionId.of("tx-1")).orElseThrow();
                tx.chargeSucceeded(new ProviderReport(Money.of(5000, Currency.JPY), T0.plusSeconds(60), "capture-1", null, "capture-tx-1", null));
                tx.refundSucceeded(new ProviderReport(Money.of(1200, Currency.JPY), T0.plusSeconds(120), "refund-1", "partial", "refund-tx-1", null));
                repo.update(tx);
            });

            PaymentTransaction found = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")).orElseThrow());
            assertEquals(TransactionStatus.PARTIALLY_REFUNDED, found.status());
            assertEquals(Money.of(5000, Currency.JPY), found.charged());
            assertEquals(Money.of(1200, Currency.JPY), found.refunded());
            assertEquals(3, found.snapshot().events().size());
            assertEquals("partial", found.snapshot().events().get(2).message());
            assertTrue(found.applied("refund-tx-1"));
            assertEquals("psp-tx-1", found.providerReference().orElseThrow());

            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byId("m2", TransactionId.of("tx-1"))).isEmpty(),
                "another merchant does not see it");
            assertEquals("tx-1", db.query(em -> new JpaPaymentTransactions(em).byProviderReference("m1", ProviderId.ADYEN, "psp-tx-1"))
                .orElseThrow().id().value());
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byProviderReference("m1", ProviderId.WALLEY, "psp-tx-1")).isEmpty());
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byProviderReference("m2", ProviderId.ADYEN, "psp-tx-1")).isEmpty());
        }
    }

    static PaymentDetails told() {
        return new PaymentDetails(Optional.of(new PaymentDetails.PaymentMethod("VISA", "424242******4242", "27-08", null)),
            List.of(new PaymentDetails.LineItem("Tea \"Sencha\" ☕", 1250L, 2L, "tea-1", "7.7"),
                new PaymentDetails.LineItem(null, null, null, "gift", null)),
            Optional.of(new PaymentDetails.Contact(java.util.Map.of("firstname", "Anna", "email", "anna@example.test",
                "delivery_street", "Bahnhofstrasse 1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void paymentDetailsAndContactAreKeptAndALaterNotificationReplacesWhatItTells(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                PaymentTransaction tx = authorized("tx-d", "ch", ProviderId.ANNANOW, T0, 5000);
                tx.describe(told());
                new JpaPaymentTransactions(em).add("m1", tx);
            });
            PaymentTransaction found = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-d")).orElseThrow());
            assertEquals(told(), found.details());
            assertEquals(List.of("firstname", "email", "delivery_street"),
                List.copyOf(found.details().contact().orElseThrow().fields().keySet()), "in the contract's order");
            assertEquals("{\"method\":{\"brand\":\"VISA\",\"maskedNumber\":\"424242******4242\",\"expiry\":\"27-08\"},"
                + "\"lineItems\":[{\"name\":\"Tea \\\"Sencha\\\" ☕\",\"price\":1250,\"quantity\":2,\"sku\":\"tea-1\",\"vatRate\":\"7.7\"},"
                + "{\"sku\":\"gift\"}]}",
                db.query(em -> em.createNativeQuery("select payment_details from payment_transaction where id = 'tx-d'")
                    .getSingleResult()).toString());

            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                PaymentTransaction tx = repo.byId("m1", TransactionId.of("tx-d")).orElseThrow();
                tx.describe(new PaymentDetails(Optional.of(new PaymentDetails.PaymentMethod("MASTERCARD", null, null, "apple-pay")),
                    List.of(), Optional.empty()));
                tx.chargeSucceeded(ProviderReport.of(Money.of(5000, Currency.JPY), T0.plusSeconds(60)).withEventKey("capture-d"));
                repo.update(tx);
            });
            PaymentTransaction later = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-d")).orElseThrow());
            assertEquals(Optional.of(new PaymentDetails.PaymentMethod("MASTERCARD", "424242******4242", "27-08", "apple-pay")),
                later.details().method(), "each field told replaces the one held");
            assertEquals(told().lineItems(), later.details().lineItems(), "products it did not tell stay");
            assertEquals(told().contact(), later.details().contact());

            db.run(em -> new JpaPaymentTransactions(em).add("m1", authorized("tx-none", "ch", ProviderId.ADYEN, T0, 10)));
            assertEquals(PaymentDetails.NONE, db.query(em -> new JpaPaymentTransactions(em)
                .byId("m1", TransactionId.of("tx-none")).orElseThrow()).details());
        }
    }

    /** An id the merchant has no payment with is told by one plain select, without the entity query. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUnknownIdIsToldWithoutTheEntityQuery(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> new JpaPaymentTransactions(em).add("m1", authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000)));
            org.hibernate.stat.Statistics statistics = statistics(db);
            statistics.clear();

            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-unknown"))).isEmpty());
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byId("m2", TransactionId.of("tx-1"))).isEmpty(),
                "another merchant's payment is not found");
            assertEquals(0, statistics.getPrepareStatementCount());
            assertEquals(5000, db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")))
                .orElseThrow().authorized().minorUnits());
        }
    }

    /**
     * A reader must see a transaction's row and its children as of one moment: read by separate
     * statements, a capture committed in between gives a row still AUTHORIZED with a CHARGED
     * event, which the aggregate refuses. So each lookup reads the whole transaction in one
     * statement (after one statement that finds its id, where the key is not the id).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachLookupReadsTheWholeTransactionInOneStatement(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            PaymentTransaction stored = authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000);
            stored.chargeSucceeded(new ProviderReport(Money.of(5000, Currency.JPY), T0.plusSeconds(60), "capture-1", null, "capture-tx-1", null)
                .withNewPaymentReference("psp-tx-1-reauthorised"));
            stored.refundSucceeded(new ProviderReport(Money.of(1200, Currency.JPY), T0.plusSeconds(120), "refund-1", null, "refund-tx-1", null));
            db.run(em -> new JpaPaymentTransactions(em).add("m1", stored));
            List<String> references = stored.snapshot().providerReferences().stream().map(r -> r.value()).toList();
            assertTrue(references.size() > 1, "several references, so joining them multiplies the event rows");
            org.hibernate.stat.Statistics statistics = statistics(db);

            record Lookup(String name, long statements, java.util.function.Function<JpaPaymentTransactions, List<PaymentTransaction>> read) {
            }
            for (Lookup lookup : List.of(
                new Lookup("byId", 1, repo -> repo.byId("m1", TransactionId.of("tx-1")).stream().toList()),
                new Lookup("byProviderReference", 2, repo -> repo.byProviderReference("m1", ProviderId.ADYEN, "psp-tx-1").stream().toList()),
                new Lookup("byMerchantReference", 2, repo -> repo.byMerchantReference("m1", ProviderId.ADYEN, "saleor-tx-1").stream().toList()),
                new Lookup("search", 2, repo -> repo.search("m1", Filter.none(), Optional.empty(), 10).items()))) {
                statistics.clear();
                List<PaymentTransaction> found = db.query(em -> lookup.read().apply(new JpaPaymentTransactions(em)));
                assertEquals(lookup.statements(), statistics.getPrepareStatementCount(), lookup.name());
                assertEquals(1, found.size(), lookup.name());
                assertEquals(List.of(1, 2, 3), found.get(0).snapshot().events().stream().map(e -> e.sequence()).toList(),
                    lookup.name() + ": each event once, in order, though the references join the same rows");
                assertEquals(references, found.get(0).snapshot().providerReferences().stream().map(r -> r.value()).toList(),
                    lookup.name());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameProviderReferenceAtTwoMerchantsFindsEachMerchantsOwnTransaction(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            // two merchants' provider accounts handed out the same reference
            PaymentTransaction mine = PaymentTransaction.initialize(TransactionId.of("tx-m1"), "jp-store", ProviderId.ADYEN,
                "order-1", Currency.JPY, T0);
            mine.authorizationSucceeded(new ProviderReport(Money.of(100, Currency.JPY), T0, "psp-shared", null, "a1", null));
            PaymentTransaction theirs = PaymentTransaction.initialize(TransactionId.of("tx-m2"), "jp-store", ProviderId.ADYEN,
                "order-1", Currency.JPY, T0.plusSeconds(1));
            theirs.authorizationSucceeded(new ProviderReport(Money.of(200, Currency.JPY), T0, "psp-shared", null, "a1", null));
            db.run(em -> new JpaPaymentTransactions(em).add("m1", mine));
            db.run(em -> new JpaPaymentTransactions(em).add("m2", theirs));

            assertEquals("tx-m1", db.query(em -> new JpaPaymentTransactions(em).byProviderReference("m1", ProviderId.ADYEN,
                "psp-shared")).orElseThrow().id().value());
            assertEquals("tx-m2", db.query(em -> new JpaPaymentTransactions(em).byProviderReference("m2", ProviderId.ADYEN,
                "psp-shared")).orElseThrow().id().value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMerchantsTransactionIsFoundByItsMerchantReferenceAtAProvider(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
                transactions.add("m1", authorized("tx-old", "jp-store", ProviderId.WALLEY, T0, 100));
                transactions.add("m1", PaymentTransaction.initialize(TransactionId.of("tx-new"), "jp-store", ProviderId.WALLEY,
                    "saleor-tx-old", Currency.JPY, T0.plusSeconds(5)));
                transactions.add("m2", authorized("tx-other", "jp-store", ProviderId.WALLEY, T0, 100));
            });

            assertEquals("tx-new", db.query(em -> new JpaPaymentTransactions(em)
                .byMerchantReference("m1", ProviderId.WALLEY, "saleor-tx-old")).orElseThrow().id().value(), "the newest");
            assertEquals("tx-other", db.query(em -> new JpaPaymentTransactions(em)
                .byMerchantReference("m2", ProviderId.WALLEY, "saleor-tx-other")).orElseThrow().id().value());
            assertTrue(db.query(em -> new JpaPaymentTransactions(em)
                .byMerchantReference("m1", ProviderId.WALLEY, "saleor-tx-other")).isEmpty(), "another merchant's");
            assertTrue(db.query(em -> new JpaPaymentTransactions(em)
                .byMerchantReference("m1", ProviderId.ANNANOW, "saleor-tx-old")).isEmpty(), "another provider's");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesConflict(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> new JpaPaymentTransactions(em).add("m1", authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000)));
            PaymentTransaction stale = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")).orElseThrow());
            db.run(em -> {
                PaymentTransaction fresh = new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")).orElseThrow();
                fresh.cancelSucceeded(ProviderReport.of(Money.of(5000, Currency.JPY), T0.plusSeconds(5)));
                new JpaPaymentTransactions(em).update(fresh);
            });

            stale.chargeSucceeded(ProviderReport.of(Money.of(5000, Currency.JPY), T0.plusSeconds(6)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaPaymentTransactions(em).update(stale)));
            assertEquals(TransactionStatus.CANCELLED,
                db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")).orElseThrow().status()));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaPaymentTransactions(em).add("m1",
                authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 1))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAddedTransactionIsReadAndChangedLaterInTheSameTransaction(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                PaymentTransaction added = authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000);
                added.describe(told());
                repo.add("m1", added);

                PaymentTransaction read = repo.byId("m1", TransactionId.of("tx-1")).orElseThrow();
                assertEquals(added.snapshot(), read.snapshot());
                assertEquals("tx-1", repo.byProviderReference("m1", ProviderId.ADYEN, "psp-tx-1").orElseThrow().id().value());
                assertEquals("tx-1", repo.byMerchantReference("m1", ProviderId.ADYEN, "saleor-tx-1").orElseThrow().id().value());
                read.chargeSucceeded(new ProviderReport(Money.of(5000, Currency.JPY), T0.plusSeconds(60), "capture-1", null,
                    "capture-tx-1", null));
                repo.update(read);
                assertEquals(TransactionStatus.CHARGED, repo.byId("m1", TransactionId.of("tx-1")).orElseThrow().status());
            });

            PaymentTransaction stored = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")).orElseThrow());
            assertEquals(TransactionStatus.CHARGED, stored.status());
            assertEquals(2, stored.snapshot().events().size());
            assertEquals(List.of("psp-tx-1"),
                stored.snapshot().providerReferences().stream().map(dev.payhooks.domain.payment.ProviderReference::value).toList());
            assertEquals(told(), stored.details());
            assertTrue(stored.version() > 0, "the update raised the version the add stored");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void addingATakenIdConflictsAndLeavesTheTransactionUsable(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> new JpaPaymentTransactions(em).add("m1", authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000)));

            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                Conflict taken = assertThrows(Conflict.class,
                    () -> repo.add("m2", authorized("tx-1", "other-store", ProviderId.WALLEY, T0, 1)));
                assertTrue(taken.getMessage().contains("tx-1"), taken.getMessage());
                repo.add("m1", authorized("tx-2", "jp-store", ProviderId.ADYEN, T0, 700));
            });

            assertEquals(5000, db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-1")))
                .orElseThrow().authorized().minorUnits(), "the stored one is untouched");
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byId("m2", TransactionId.of("tx-1"))).isEmpty());
            assertEquals(700, db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("tx-2")))
                .orElseThrow().authorized().minorUnits(), "the transaction went on and committed");
            assertEquals(2, db.count("transaction_event"));
            assertEquals(2, db.count("transaction_provider_reference"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoTransactionsMayShareAProviderReference(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                repo.add("m1", authorized("tx-1", "jp-store", ProviderId.ADYEN, T0, 5000));
                PaymentTransaction again = PaymentTransaction.initialize(TransactionId.of("tx-2"), "jp-store", ProviderId.ADYEN,
                    "saleor-tx-2", Currency.JPY, T0);
                again.authorizationSucceeded(new ProviderReport(Money.of(10, Currency.JPY), T0, "psp-tx-1", null, "auth-2", null));
                repo.add("m1", again);
            });
            assertEquals(2, db.count("payment_transaction"));
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byProviderReference("m1", ProviderId.ADYEN, "psp-tx-1")).isPresent());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateRaisesTheVersionAtOnceSoDetachingBeforeTheCommitLosesNothing(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                new JpaPaymentTransactions(em).add("m1", authorized("kept", "jp-store", ProviderId.ADYEN, T0, 5000));
                new JpaPaymentTransactions(em).add("m1", authorized("detached", "jp-store", ProviderId.ADYEN, T0, 5000));
            });
            long before = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("kept")).orElseThrow().version());
            PaymentTransaction stale = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("detached")).orElseThrow());
            for (String id : List.of("kept", "detached")) {
                db.run(em -> {
                    PaymentTransaction tx = new JpaPaymentTransactions(em).byId("m1", TransactionId.of(id)).orElseThrow();
                    tx.chargeSucceeded(ProviderReport.of(Money.of(5000, Currency.JPY), T0.plusSeconds(5)));
                    new JpaPaymentTransactions(em).update(tx);
                    if (id.equals("detached")) {
                        em.clear();
                    }
                });
            }
            long kept = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("kept")).orElseThrow().version());
            long detached = db.query(em -> new JpaPaymentTransactions(em).byId("m1", TransactionId.of("detached")).orElseThrow().version());
            assertTrue(kept > before);
            assertEquals(kept, detached);
            stale.cancelSucceeded(ProviderReport.of(Money.of(5000, Currency.JPY), T0.plusSeconds(6)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaPaymentTransactions(em).update(stale)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void searchFiltersAndPagesNewestFirst(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                for (int i = 0; i < 7; i++) {
                    // two transactions share each second, so the id breaks ties
                    Instant at = T0.plusSeconds(i / 2);
                    repo.add("m1", authorized("tx-" + i, i % 2 == 0 ? "jp-store" : "eu-store",
                        i < 5 ? ProviderId.ADYEN : ProviderId.NP_ATOBARAI, at, 100 + i));
                }
                repo.add("m2", authorized("other-1", "jp-store", ProviderId.ADYEN, T0, 1));
                PaymentTransaction failed = PaymentTransaction.initialize(TransactionId.of("tx-failed"), "jp-store",
                    ProviderId.ADYEN, "saleor-failed", Currency.JPY, T0.plusSeconds(10));
                failed.authorizationFailed(ProviderReport.of(Money.of(100, Currency.JPY), T0.plusSeconds(10)).withMessage("Refused"));
                repo.add("m1", failed);
            });

            List<String> all = new ArrayList<>();
            Optional<Cursor> cursor = Optional.empty();
            do {
                Optional<Cursor> after = cursor;
                Page page = db.query(em -> new JpaPaymentTransactions(em).search("m1", Filter.none(), after, 3));
                page.items().forEach(t -> all.add(t.id().value()));
                cursor = page.next();
            } while (cursor.isPresent());
            assertEquals(List.of("tx-failed", "tx-6", "tx-5", "tx-4", "tx-3", "tx-2", "tx-1", "tx-0"), all);

            Filter jpAdyen = new Filter(Optional.of("jp-store"), Optional.of(ProviderId.ADYEN), Optional.empty(), Optional.empty(), Optional.empty());
            assertEquals(List.of("tx-failed", "tx-4", "tx-2", "tx-0"), ids(db, jpAdyen));

            Filter failedOnly = new Filter(Optional.empty(), Optional.empty(), Optional.of(TransactionStatus.FAILED), Optional.empty(), Optional.empty());
            assertEquals(List.of("tx-failed"), ids(db, failedOnly));

            Filter window = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(3)));
            assertEquals(List.of("tx-5", "tx-4", "tx-3", "tx-2"), ids(db, window));
        }
    }

    static List<String> ids(TestDatabase db, Filter filter) {
        return db.query(em -> new JpaPaymentTransactions(em).search("m1", filter, Optional.empty(), 50))
            .items().stream().map(t -> t.id().value()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dailyCountsGroupByUtcDayWhateverTheSessionTimeZone(String kind) {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        // a zone far from UTC: 23:30 UTC is already the next day in Tokyo; the count must still say the UTC day
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            Instant lateOn22nd = Instant.parse("2026-11-22T23:30:00Z");
            db.run(em -> {
                JpaPaymentTransactions repo = new JpaPaymentTransactions(em);
                repo.add("m1", authorized("a", "jp", ProviderId.ADYEN, lateOn22nd, 100));
                PaymentTransaction failed = PaymentTransaction.initialize(TransactionId.of("b"), "jp", ProviderId.ADYEN, "saleor-b",
                    Currency.JPY, lateOn22nd.plusSeconds(60));
                failed.authorizationFailed(new ProviderReport(Money.of(100, Currency.JPY), lateOn22nd.plusSeconds(61), null, "Refused",
                    "refused-b", null));
                repo.add("m1", failed);
                repo.add("m1", PaymentTransaction.initialize(TransactionId.of("c"), "jp", ProviderId.ADYEN, "saleor-c", Currency.JPY,
                    T0));
                repo.add("m1", authorized("d", "jp", ProviderId.ADYEN, T0.plusSeconds(5), 100));
                repo.add("m1", authorized("early", "jp", ProviderId.ADYEN, T0.minus(java.time.Duration.ofDays(30)), 100));
                repo.add("m2", authorized("other", "jp", ProviderId.ADYEN, T0, 100));
            });

            List<PaymentTransactions.DailyCount> counts = db.query(em -> new JpaPaymentTransactions(em)
                .dailyCounts("m1", Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")));

            assertEquals(List.of(
                new PaymentTransactions.DailyCount(java.time.LocalDate.parse("2026-11-22"), 2, 1, 1),
                new PaymentTransactions.DailyCount(java.time.LocalDate.parse("2026-11-23"), 2, 1, 0)), counts);
            assertEquals(List.of(), db.query(em -> new JpaPaymentTransactions(em)
                .dailyCounts("m1", T0.plusSeconds(10), T0.plusSeconds(20))), "to is exclusive, nothing in between");
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    /**
     * Provider references and a merchant reference together: one statement finds the id, and a
     * provider reference that matches wins over the merchant reference, the first in the given
     * order over later ones; the merchant reference only when none matches, the newest then.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void byReferencesPrefersTheFirstMatchingProviderReferenceOverTheMerchantReferenceInOneStatement(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchants(db);
            db.run(em -> {
                JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
                transactions.add("m1", authorized("tx-a", "jp-store", ProviderId.ADYEN, T0, 100));
                transactions.add("m1", authorized("tx-b", "jp-store", ProviderId.ADYEN, T0.plusSeconds(1), 100));
                // two more with tx-a's merchant reference, the later one newest
                transactions.add("m1", PaymentTransaction.initialize(TransactionId.of("tx-c"), "jp-store", ProviderId.ADYEN,
                    "saleor-tx-a", Currency.JPY, T0.plusSeconds(2)));
                transactions.add("m1", PaymentTransaction.initialize(TransactionId.of("tx-d"), "jp-store", ProviderId.ADYEN,
                    "saleor-tx-a", Currency.JPY, T0.plusSeconds(3)));
                transactions.add("m2", authorized("tx-other", "jp-store", ProviderId.ADYEN, T0, 100));
            });
            org.hibernate.stat.Statistics statistics = statistics(db);
            record Case(String name, List<String> providerReferences, String merchantReference, Optional<String> expected) {
            }
            for (Case c : List.of(
                new Case("a provider reference over the merchant reference", List.of("psp-tx-b"), "saleor-tx-a", Optional.of("tx-b")),
                new Case("the first matching provider reference", List.of("psp-unknown", "psp-tx-b", "psp-tx-a"), "saleor-tx-a",
                    Optional.of("tx-b")),
                new Case("the merchant reference's newest when no provider reference matches", List.of("psp-unknown"), "saleor-tx-a",
                    Optional.of("tx-d")),
                new Case("nothing", List.of("psp-unknown"), "saleor-unknown", Optional.empty()),
                new Case("not another merchant's", List.of("psp-tx-other"), "saleor-tx-other", Optional.empty()))) {
                statistics.clear();
                Optional<String> found = db.query(em -> new JpaPaymentTransactions(em)
                    .byReferences("m1", ProviderId.ADYEN, c.providerReferences(), Optional.of(c.merchantReference())))
                    .map(t -> t.id().value());
                assertEquals(c.expected(), found, c.name());
                assertEquals(c.expected().isPresent() ? 2 : 1, statistics.getPrepareStatementCount(),
                    c.name() + ": one statement finds the id, one reads the whole transaction");
                assertEquals(found, db.query(em -> {
                    JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
                    return c.providerReferences().stream().map(r -> transactions.byProviderReference("m1", ProviderId.ADYEN, r))
                        .flatMap(Optional::stream).findFirst()
                        .or(() -> transactions.byMerchantReference("m1", ProviderId.ADYEN, c.merchantReference()));
                }).map(t -> t.id().value()), c.name() + ": the same as asking one reference at a time");
            }
            assertEquals("tx-a", db.query(em -> new JpaPaymentTransactions(em)
                .byReferences("m1", ProviderId.ADYEN, List.of("psp-tx-a"), Optional.empty())).orElseThrow().id().value(),
                "provider references alone");
            assertEquals("tx-d", db.query(em -> new JpaPaymentTransactions(em)
                .byReferences("m1", ProviderId.ADYEN, List.of(), Optional.of("saleor-tx-a"))).orElseThrow().id().value(),
                "a merchant reference alone");
        }
    }
}
