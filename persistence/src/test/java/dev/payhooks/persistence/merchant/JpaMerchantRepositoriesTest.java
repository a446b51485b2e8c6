package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.persistence.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaMerchantRepositoriesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-23T11:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static void merchant(TestDatabase db, String id) {
        db.run(em -> new JpaMerchants(em).add(Merchant.register(id, "Shop " + id, (id + "000000000000000").substring(0, 15), T0)));
    }

    static ProviderSettings adyen(String endpointKey, String account) {
        return new ProviderSettings(ProviderId.ADYEN, endpointKey,
            Map.of("merchantAccount", account, "environment", "TEST"),
            Map.of("apiKey", new SealedSecret("v1:k1:sealed-api-key"), "hmacKeys", new SealedSecret("v1:k1:sealed-hmac")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMerchantIsDisabledAndEnabledAgain(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchant(db, "m1");
            merchant(db, "m2");
            db.run(em -> {
                JpaMerchants merchants = new JpaMerchants(em);
                Merchant m1 = merchants.byId("m1").orElseThrow();
                m1.disable(T1);
                merchants.update(m1);
            });
            Merchant disabled = db.query(em -> new JpaMerchants(em).byId("m1").orElseThrow());
            assertEquals(java.util.Optional.of(T1), disabled.disabledAt());
            assertTrue(!disabled.enabled());
            assertTrue(db.query(em -> new JpaMerchants(em).byId("m2").orElseThrow()).enabled(), "the other merchant is untouched");

            db.run(em -> {
                JpaMerchants merchants = new JpaMerchants(em);
                Merchant m1 = merchants.byId("m1").orElseThrow();
                m1.enable();
                merchants.update(m1);
            });
            assertTrue(db.query(em -> new JpaMerchants(em).byId("m1").orElseThrow()).enabled());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void channelsKeepTheirProviderSettings(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchant(db, "m1");
            Channel channel = Channel.open("c1", "m1", "jp-store", "Japan", "JPY", "JP", T0);
            channel.configure(adyen("endpoint-key-1", "ShopJP"), T0);
            db.run(em -> new JpaChannels(em).add(channel));

            Channel found = db.query(em -> new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow());
            ProviderSettings settings = found.provider(ProviderId.ADYEN).orElseThrow();
            assertEquals("ShopJP", settings.value("merchantAccount").orElseThrow());
            assertEquals("v1:k1:sealed-api-key", settings.secret("apiKey").orElseThrow().value());
            assertEquals("endpoint-key-1", settings.endpointKey().orElseThrow());
            assertEquals("JPY", found.currency());

            assertEquals("c1", db.query(em -> new JpaChannels(em).byEndpointKey(ProviderId.ADYEN, "endpoint-key-1")).orElseThrow().id());
            assertTrue(db.query(em -> new JpaChannels(em).byEndpointKey(ProviderId.WALLEY, "endpoint-key-1")).isEmpty());
            assertTrue(db.query(em -> new JpaChannels(em).bySlug("m2", "jp-store")).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void providerChangesAndRemovalsAreStoredAndBumpTheVersion(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchant(db, "m1");
            Channel channel = Channel.open("c1", "m1", "jp-store", "Japan", "JPY", "JP", T0);
            channel.configure(adyen("endpoint-key-1", "ShopJP"), T0);
            db.run(em -> new JpaChannels(em).add(channel));

            db.run(em -> {
                Channel c = new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow();
                c.configure(adyen("endpoint-key-1", "ShopJP2"), T1);
                c.configure(new ProviderSettings(ProviderId.NP_ATOBARAI, null, Map.of("merchantCode", "M1"),
                    Map.of("secretSpCode", new SealedSecret("v1:k1:sp"))), T1);
                new JpaChannels(em).update(c);
            });
            Channel changed = db.query(em -> new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow());
            assertEquals("ShopJP2", changed.provider(ProviderId.ADYEN).orElseThrow().value("merchantAccount").orElseThrow());
            assertTrue(changed.provider(ProviderId.NP_ATOBARAI).isPresent());
            assertTrue(changed.version() > 0);

            db.run(em -> {
                Channel c = new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow();
                c.removeProvider(ProviderId.ADYEN, T1);
                new JpaChannels(em).update(c);
            });
            Channel removed = db.query(em -> new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow());
            assertFalse(removed.provider(ProviderId.ADYEN).isPresent());
            assertTrue(removed.provider(ProviderId.NP_ATOBARAI).isPresent());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleChannelUpdatesAndDuplicateSlugsConflict(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchant(db, "m1");
            merchant(db, "m2");
            db.run(em -> new JpaChannels(em).add(Channel.open("c1", "m1", "jp-store", "Japan", "JPY", "JP", T0)));
            Channel stale = db.query(em -> new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow());
            db.run(em -> {
                Channel fresh = new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow();
                fresh.describe("Nihon", "JPY", "JP", T1);
                new JpaChannels(em).update(fresh);
            });

            stale.describe("Stale", "JPY", "JP", T1);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaChannels(em).update(stale)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaChannels(em).add(Channel.open("c2", "m1", "jp-store", "Again", "JPY", "JP", T0))));
            db.run(em -> new JpaChannels(em).add(Channel.open("c3", "m2", "jp-store", "Other merchant", "JPY", "JP", T0)));
            assertEquals("Nihon", db.query(em -> new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow().name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void removingAChannelRemovesItsProviderRows(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchant(db, "m1");
            Channel channel = Channel.open("c1", "m1", "jp-store", "Japan", "JPY", "JP", T0);
            channel.configure(adyen("endpoint-key-1", "ShopJP"), T0);
            db.run(em -> new JpaChannels(em).add(channel));

            db.run(em -> new JpaChannels(em).remove(new JpaChannels(em).bySlug("m1", "jp-store").orElseThrow()));

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select count(*) from channel_provider")) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void apiKeysAreFoundByHashAndRevoked(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            merchant(db, "m1");
            String plaintext = "phk_" + "a1".repeat(20);
            db.run(em -> new JpaApiKeys(em).add(ApiKey.issue("k1", "m1", "backend", plaintext, new SealedSecret("v1:k1:key"), T0)));

            ApiKey found = db.query(em -> new JpaApiKeys(em).byHash(ApiKey.hash(plaintext)).orElseThrow());
            assertEquals("m1", found.merchantId());
            assertEquals("phk_••••a1a1", found.displayPrefix());
            assertTrue(db.query(em -> new JpaApiKeys(em).byId("m2", "k1")).isEmpty());

            db.run(em -> {
                ApiKey key = new JpaApiKeys(em).byId("m1", "k1").orElseThrow();
                key.revoke(T1);
                new JpaApiKeys(em).update(key);
            });
            boolean active = db.query(em -> new JpaApiKeys(em).byHash(ApiKey.hash(plaintext)).orElseThrow().active());
            assertFalse(active);
            assertEquals(1, db.query(em -> new JpaApiKeys(em).ofMerchant("m1")).size());
        }
    }
}
