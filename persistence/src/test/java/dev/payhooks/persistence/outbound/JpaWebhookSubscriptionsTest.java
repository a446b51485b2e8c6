package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.outbound.AsymmetricSigningKey;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.merchant.JpaApiKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaWebhookSubscriptionsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");
    static final Instant T1 = Instant.parse("2026-11-23T11:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static WebhookSubscription subscription(String id, String merchantId, Authentication auth, Signature signature,
                                            List<String> events, Instant at) {
        return WebhookSubscription.create(id, merchantId, "Hook " + id,
            HookUrl.parse("https://shop.example/hooks/" + id + "?token=abc", true), events, auth, signature,
            DeliveryOptions.DEFAULT, at);
    }

    static void apiKey(TestDatabase db, String id, String merchantId) {
        db.run(em -> new JpaApiKeys(em).add(ApiKey.issue(id, merchantId, "backend",
            "phk_" + (id + merchantId + "0".repeat(40)).substring(0, 40), new SealedSecret("v1:k1:key-" + id), T0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyFieldRoundTrips(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            apiKey(db, "k1", "m1");
            WebhookSubscription s = WebhookSubscription.create("s1", "m1", "Orders",
                HookUrl.parse("https://shop.example/hooks?token=abc", true),
                List.of("transaction.sale.success", "fulfillment.reported", "ach.failed"),
                new Authentication.Basic("hub", new SealedSecret("v1:k1:sealed-password")),
                new Signature.SourceKey("k1"), new DeliveryOptions(42, true, 7), T0);
            s.disable("410 Gone", T1);
            db.run(em -> new JpaWebhookSubscriptions(em).add(s));

            WebhookSubscription found = db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow());

            assertEquals("Orders", found.label());
            assertEquals("https://shop.example/hooks?token=abc", found.url().toString());
            assertEquals(List.of("ach.failed", "fulfillment.reported", "transaction.sale.success"), List.copyOf(found.events()));
            Authentication.Basic basic = assertInstanceOf(Authentication.Basic.class, found.authentication());
            assertEquals("hub", basic.username());
            assertEquals("v1:k1:sealed-password", basic.password().value());
            assertEquals(new Signature.SourceKey("k1"), found.signature());
            assertEquals(new DeliveryOptions(42, true, 7), found.delivery());
            assertFalse(found.enabled());
            assertEquals("410 Gone", found.disabledReason().orElseThrow());
            assertEquals(T1, found.disabledAt().orElseThrow());
            assertEquals(T0, found.createdAt());
            assertEquals(T1, found.updatedAt());
            assertEquals(0, found.version());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void authenticationAndSignatureVariantsAndEventChangesAreStored(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> new JpaWebhookSubscriptions(em).add(subscription("s1", "m1",
                new Authentication.Basic("hub", new SealedSecret("v1:k1:pw")), new Signature.MerchantKey(),
                List.of("ach.failed", "ach.settled"), T0)));
            WebhookSubscription stored = db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow());
            assertEquals(new Signature.MerchantKey(), stored.signature());

            db.run(em -> {
                WebhookSubscription s = new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow();
                s.resetAuthentication(new Authentication.None(), T1);
                s.changeSignature(new Signature.None(), T1);
                s.subscribe(List.of("ach.settled", "transaction.chargeback"), T1);
                s.tuneDelivery(DeliveryOptions.of(5, null, null), T1);
                new JpaWebhookSubscriptions(em).update(s);
            });

            WebhookSubscription changed = db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow());
            assertInstanceOf(Authentication.None.class, changed.authentication());
            assertEquals(new Signature.None(), changed.signature());
            assertEquals(List.of("ach.settled", "transaction.chargeback"), List.copyOf(changed.events()));
            assertEquals(5, changed.delivery().timeoutSeconds());
            assertTrue(changed.version() > stored.version());
            assertEquals(2, db.count("webhook_subscription_event"));

            db.run(em -> {
                WebhookSubscription s = new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow();
                s.subscribe(List.of("transaction.refund.failure"), T1);
                new JpaWebhookSubscriptions(em).update(s);
            });
            WebhookSubscription eventsOnly = db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow());
            assertEquals(List.of("transaction.refund.failure"), List.copyOf(eventsOnly.events()));
            assertTrue(eventsOnly.version() > changed.version(), "a change of events alone bumps the version too");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesAndRemovalsConflict(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> new JpaWebhookSubscriptions(em).add(subscription("s1", "m1", new Authentication.None(),
                new Signature.None(), List.of("ach.failed"), T0)));
            WebhookSubscription stale = db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow());
            db.run(em -> {
                WebhookSubscription fresh = new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow();
                fresh.relabel("Fresh", T1);
                new JpaWebhookSubscriptions(em).update(fresh);
            });

            stale.relabel("Stale", T1);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaWebhookSubscriptions(em).update(stale)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaWebhookSubscriptions(em).remove(stale)));
            assertEquals("Fresh", db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow().label()));

            db.run(em -> {
                JpaWebhookSubscriptions subscriptions = new JpaWebhookSubscriptions(em);
                subscriptions.remove(subscriptions.byId("m1", "s1").orElseThrow());
            });
            assertEquals(0, db.count("webhook_subscription"));
            assertEquals(0, db.count("webhook_subscription_event"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lookupsStayWithinTheMerchant(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                JpaWebhookSubscriptions subscriptions = new JpaWebhookSubscriptions(em);
                subscriptions.add(subscription("s1", "m1", new Authentication.None(), new Signature.None(),
                    List.of("transaction.sale.success", "ach.failed"), T0));
                subscriptions.add(subscription("s2", "m1", new Authentication.None(), new Signature.None(),
                    List.of("transaction.sale.success"), T0.plusSeconds(1)));
                WebhookSubscription disabled = subscription("s3", "m1", new Authentication.None(), new Signature.None(),
                    List.of("transaction.sale.success"), T0.plusSeconds(2));
                disabled.disable("paused", T1);
                subscriptions.add(disabled);
                subscriptions.add(subscription("s4", "m2", new Authentication.None(), new Signature.None(),
                    List.of("transaction.sale.success"), T0));
            });

            assertTrue(db.query(em -> new JpaWebhookSubscriptions(em).byId("m2", "s1")).isEmpty());
            assertEquals(List.of("s1", "s2", "s3"), ids(db.query(em -> new JpaWebhookSubscriptions(em).ofMerchant("m1"))));
            assertEquals(List.of("s4"), ids(db.query(em -> new JpaWebhookSubscriptions(em).ofMerchant("m2"))));
            assertEquals(List.of("s1", "s2"), ids(db.query(em -> new JpaWebhookSubscriptions(em).listeningTo("m1", "transaction.sale.success"))));
            assertEquals(List.of("s1"), ids(db.query(em -> new JpaWebhookSubscriptions(em).listeningTo("m1", "ach.failed"))));
            assertTrue(db.query(em -> new JpaWebhookSubscriptions(em).listeningTo("m2", "ach.failed")).isEmpty());
            List<WebhookSubscription> many = db.query(em -> new JpaWebhookSubscriptions(em).byIds("m1", List.of("s3", "s1", "s4", "s1", "gone")));
            assertEquals(List.of("s1", "s3"), ids(many).stream().sorted().toList(), "the merchant's, each once; another's and unknown ones not");
            assertEquals(db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1").orElseThrow()).events(),
                many.stream().filter(s -> s.id().equals("s1")).findFirst().orElseThrow().events());
            assertTrue(db.query(em -> new JpaWebhookSubscriptions(em).byIds("m1", List.of())).isEmpty());

            WebhookSubscription foreign = db.query(em -> new JpaWebhookSubscriptions(em).byId("m2", "s4").orElseThrow());
            WebhookSubscription impostor = WebhookSubscription.reconstitute("s4", "m1", "x", foreign.url(), foreign.events(),
                foreign.authentication(), foreign.signature(), foreign.delivery(), true, null, null, T0, T0, foreign.version());
            assertThrows(Conflict.class, () -> db.run(em -> new JpaWebhookSubscriptions(em).update(impostor)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deletingTheMerchantDeletesItsSubscriptionsAndKey(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            apiKey(db, "k1", "m1");
            db.run(em -> {
                new JpaWebhookSubscriptions(em).add(subscription("s1", "m1", new Authentication.None(),
                    new Signature.SourceKey("k1"), List.of("ach.failed"), T0));
                new JpaWebhookSubscriptions(em).add(subscription("s2", "m2", new Authentication.None(),
                    new Signature.MerchantKey(), List.of("ach.failed"), T0));
                new JpaSignatureKeys(em).add(SignatureKey.create("m1", new SealedSecret("v1:k1:whsec"), T0));
            });

            db.execute("delete from merchant where id = 'm1'");

            assertEquals(1, db.count("webhook_subscription"));
            assertEquals(1, db.count("webhook_subscription_event"));
            assertEquals(0, db.count("signature_key"));
            assertEquals(0, db.count("api_key"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void signatureKeyRotationsArePersisted(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> new JpaSignatureKeys(em).add(SignatureKey.create("m1", new SealedSecret("v1:k1:first"), T0)));
            assertThrows(Conflict.class, () -> db.run(em ->
                new JpaSignatureKeys(em).add(SignatureKey.create("m1", new SealedSecret("v1:k1:other"), T0))));
            assertTrue(db.query(em -> new JpaSignatureKeys(em).ofMerchant("m2")).isEmpty());
            SignatureKey stale = db.query(em -> new JpaSignatureKeys(em).ofMerchant("m1").orElseThrow());

            db.run(em -> {
                SignatureKey key = new JpaSignatureKeys(em).ofMerchant("m1").orElseThrow();
                key.rotate(new SealedSecret("v1:k1:second"), T1);
                new JpaSignatureKeys(em).update(key);
            });

            SignatureKey rotated = db.query(em -> new JpaSignatureKeys(em).ofMerchant("m1").orElseThrow());
            assertEquals("v1:k1:second", rotated.current().value());
            assertEquals("v1:k1:first", rotated.previous().orElseThrow().value());
            assertEquals(T1, rotated.rotatedAt().orElseThrow());
            assertEquals(T0, rotated.createdAt());
            assertEquals(List.of(rotated.current(), rotated.previous().orElseThrow()), rotated.keysToSignWith(T1.plus(Duration.ofHours(23))));
            assertEquals(List.of(rotated.current()), rotated.keysToSignWith(T1.plus(Duration.ofHours(24))));

            stale.rotate(new SealedSecret("v1:k1:lost"), T1);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaSignatureKeys(em).update(stale)));
            assertEquals("v1:k1:second", db.query(em -> new JpaSignatureKeys(em).ofMerchant("m1").orElseThrow().current().value()));
        }
    }

    static AsymmetricSigningKey.Pair pair(char c) {
        return new AsymmetricSigningKey.Pair("kid-" + c, String.valueOf(c).repeat(43), new SealedSecret("v1:k1:private-" + c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void ed25519KeysAndTheirRotationsArePersistedAndSubscriptionsMaySignWithThem(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                new JpaAsymmetricSigningKeys(em).add(AsymmetricSigningKey.create("m1", pair('a'), T0));
                new JpaWebhookSubscriptions(em).add(subscription("s1", "m1", new Authentication.None(),
                    new Signature.PublicKey(), List.of("ach.failed"), T0));
            });
            assertThrows(Conflict.class, () -> db.run(em ->
                new JpaAsymmetricSigningKeys(em).add(AsymmetricSigningKey.create("m1", pair('b'), T0))));
            assertTrue(db.query(em -> new JpaAsymmetricSigningKeys(em).ofMerchant("m2")).isEmpty());
            assertEquals(new Signature.PublicKey(), db.query(em -> new JpaWebhookSubscriptions(em).byId("m1", "s1")
                .orElseThrow().signature()));
            AsymmetricSigningKey stale = db.query(em -> new JpaAsymmetricSigningKeys(em).ofMerchant("m1").orElseThrow());

            db.run(em -> {
                AsymmetricSigningKey key = new JpaAsymmetricSigningKeys(em).ofMerchant("m1").orElseThrow();
                key.rotate(pair('c'), T1);
                new JpaAsymmetricSigningKeys(em).update(key);
            });

            AsymmetricSigningKey rotated = db.query(em -> new JpaAsymmetricSigningKeys(em).ofMerchant("m1").orElseThrow());
            assertEquals(pair('c'), rotated.current());
            assertEquals(pair('a'), rotated.previous().orElseThrow());
            assertEquals(T0, rotated.createdAt());
            assertEquals(List.of(pair('c'), pair('a')), rotated.validAt(T1.plus(Duration.ofHours(23))));
            assertEquals(List.of(pair('c')), rotated.validAt(T1.plus(Duration.ofHours(24))));
            stale.rotate(pair('d'), T1);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaAsymmetricSigningKeys(em).update(stale)));

            db.execute("delete from merchant where id = 'm1'");
            assertEquals(0, db.count("ed25519_signing_key"));
        }
    }

    private static List<String> ids(List<WebhookSubscription> subscriptions) {
        return subscriptions.stream().map(WebhookSubscription::id).toList();
    }
}
