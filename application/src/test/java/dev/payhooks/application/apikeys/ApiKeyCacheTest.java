package dev.payhooks.application.apikeys;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyCacheTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
    final AtomicInteger lookups = new AtomicInteger();
    /** Like the database: every read answers a copy, so a change reaches a reader only through the store. */
    final InMemoryApiKeys store = new InMemoryApiKeys() {
        @Override
        public synchronized Optional<ApiKey> byHash(String keyHash) {
            lookups.incrementAndGet();
            return super.byHash(keyHash).map(ApiKeyCacheTest::copy);
        }

        @Override
        public synchronized Optional<ApiKey> byId(String merchantId, String id) {
            return super.byId(merchantId, id).map(ApiKeyCacheTest::copy);
        }
    };
    final AtomicLong nanos = new AtomicLong();
    final List<Runnable> afterTransaction = new ArrayList<>();
    final ApiKeyCache cache = new ApiKeyCache(store, afterTransaction::add, nanos::get, ApiKeyCache.TTL);
    final ManageApiKeys manage = manage(cache.reading());

    ManageApiKeys manage(ApiKeys keys) {
        InMemoryAuditTrail audit = new InMemoryAuditTrail();
        return new ManageApiKeys(keys, new FakeSecrets(), new SequentialIds(), clock,
            audit.recorder(() -> Actor.apiKey("ERP", "key-0"), clock));
    }

    static ApiKey copy(ApiKey key) {
        return ApiKey.reconstitute(key.id(), key.merchantId(), key.label(), key.displayPrefix(), key.keyHash(), key.sealedKey(),
            key.createdAt(), key.revokedAt().orElse(null), key.version());
    }

    void commit() {
        List<Runnable> due = List.copyOf(afterTransaction);
        afterTransaction.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aPresentedKeyIsLookedUpOnceWithinTheTtl() {
        String plaintext = manage.issue(TestCallers.developer("m1"), "backend").plaintext();
        commit();
        lookups.set(0);
        for (int i = 0; i < 5; i++) {
            assertEquals("m1", manage.authenticate(plaintext).orElseThrow().merchantId());
        }
        assertEquals(1, lookups.get());
        nanos.addAndGet(ApiKeyCache.TTL.toNanos());
        manage.authenticate(plaintext).orElseThrow();
        assertEquals(2, lookups.get(), "after the TTL the store is asked again");
    }

    @Test
    void aWrongKeyIsLookedUpEveryTimeAndNeverKept() {
        manage.issue(TestCallers.developer("m1"), "backend");
        lookups.set(0);
        String wrong = "phk_" + "x".repeat(40);
        assertTrue(manage.authenticate(wrong).isEmpty());
        assertTrue(manage.authenticate(wrong).isEmpty());
        assertEquals(2, lookups.get());
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOnThisInstance() {
        ManageApiKeys.IssuedKey issued = manage.issue(TestCallers.developer("m1"), "backend");
        commit();
        manage.authenticate(issued.plaintext()).orElseThrow();

        manage.revoke(TestCallers.developer("m1"), issued.key().id());
        assertTrue(manage.authenticate(issued.plaintext()).isEmpty(), "refused at once");
        commit();
        assertTrue(manage.authenticate(issued.plaintext()).isEmpty(), "and after the commit");
    }

    @Test
    void aKeyRevokedOnAnotherInstanceIsRefusedHereWithinTheTtl() {
        ManageApiKeys.IssuedKey issued = manage.issue(TestCallers.developer("m1"), "backend");
        commit();
        manage.authenticate(issued.plaintext()).orElseThrow();

        // the other instance has its own cache over the same store
        ManageApiKeys elsewhere = manage(new ApiKeyCache(store, Runnable::run, nanos::get, ApiKeyCache.TTL).reading());
        elsewhere.revoke(TestCallers.developer("m1"), issued.key().id());

        nanos.addAndGet(ApiKeyCache.TTL.toNanos() - 1);
        assertTrue(manage.authenticate(issued.plaintext()).isPresent(), "this instance still has the key it read");
        nanos.addAndGet(1);
        assertTrue(manage.authenticate(issued.plaintext()).isEmpty(), "refused once the TTL has passed");
    }

    @Test
    void issuingAKeyInvalidatesAndTheOtherReadsGoToTheStore() {
        ManageApiKeys.IssuedKey first = manage.issue(TestCallers.developer("m1"), "one");
        commit();
        manage.authenticate(first.plaintext()).orElseThrow();
        manage.issue(TestCallers.developer("m1"), "two");
        commit();
        lookups.set(0);
        manage.authenticate(first.plaintext()).orElseThrow();
        assertEquals(1, lookups.get(), "an add empties the cache");
        assertEquals(2, cache.reading().ofMerchant("m1").size());
        assertEquals(Duration.ofSeconds(5), ApiKeyCache.TTL);
    }
}
