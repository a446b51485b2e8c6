package dev.payhooks.application.channels;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.SaleorInstallation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaleorInstallationCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final String URL = "https://shop.saleor.cloud/graphql/";

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger listReads = new AtomicInteger();
    private final InMemorySaleorInstallations store = new InMemorySaleorInstallations() {
        @Override
        public Optional<SaleorInstallation> find(String apiUrl, ProviderId provider) {
            reads.incrementAndGet();
            return super.find(apiUrl, provider);
        }

        @Override
        public List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider) {
            listReads.incrementAndGet();
            return super.ofMerchant(merchantId, provider);
        }
    };
    private final AtomicLong nanos = new AtomicLong();
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private final SaleorInstallationCache cache = new SaleorInstallationCache(store, afterTransaction::add, nanos::get,
        SaleorInstallationCache.TTL);

    private void commit() {
        List<Runnable> due = List.copyOf(afterTransaction);
        afterTransaction.clear();
        due.forEach(Runnable::run);
    }

    private void installed() {
        cache.changing().add(SaleorInstallation.install(URL, ProviderId.ADYEN, "m1", "QXBwOjE=", new SealedSecret("v1:k:token"),
            "{\"keys\":[]}", T0));
        commit();
        reads.set(0);
    }

    private SaleorInstallation read() {
        return cache.reading().find(URL, ProviderId.ADYEN).orElseThrow();
    }

    @Test
    void theReadingViewAnswersFromMemoryWithinTheTtlAndTheChangingViewNever() {
        installed();
        SaleorInstallation first = read();
        assertSame(first, read());
        assertEquals(1, reads.get());
        cache.changing().find(URL, ProviderId.ADYEN);
        assertEquals(2, reads.get(), "the changing view reads the store");
        assertTrue(cache.reading().find(URL, ProviderId.NP_ATOBARAI).isEmpty(), "another provider's app is another entry");
        nanos.addAndGet(SaleorInstallationCache.TTL.toNanos());
        read();
        assertEquals(4, reads.get(), "after the TTL the store is read again");
    }

    @Test
    void refetchedKeysCountFromTheNextWebhook() {
        installed();
        read();
        SaleorInstallation current = cache.changing().find(URL, ProviderId.ADYEN).orElseThrow();
        current.keysRefreshed("{\"keys\":[{\"kid\":\"2\"}]}", T0.plusSeconds(60));
        cache.changing().update(current);
        commit();
        assertEquals("{\"keys\":[{\"kid\":\"2\"}]}", read().jwks());
    }

    @Test
    void aRemovedInstallationIsNotFoundFromTheNextWebhook() {
        installed();
        read();
        cache.changing().remove(cache.changing().find(URL, ProviderId.ADYEN).orElseThrow());
        assertTrue(cache.reading().find(URL, ProviderId.ADYEN).isEmpty(), "gone at once");
        commit();
        assertTrue(cache.reading().find(URL, ProviderId.ADYEN).isEmpty(), "and after the commit");
    }

    @Test
    void aChangeOnAnotherInstanceCountsHereWithinTheTtl() {
        installed();
        read();
        SaleorInstallation elsewhere = store.find(URL, ProviderId.ADYEN).orElseThrow();
        elsewhere.keysRefreshed("{\"keys\":[{\"kid\":\"3\"}]}", T0.plusSeconds(60));
        store.update(elsewhere);
        nanos.addAndGet(SaleorInstallationCache.TTL.toNanos() - 1);
        assertEquals("{\"keys\":[]}", read().jwks());
        nanos.addAndGet(1);
        assertEquals("{\"keys\":[{\"kid\":\"3\"}]}", read().jwks());
        assertEquals(Duration.ofSeconds(5), SaleorInstallationCache.TTL);
    }

    @Test
    void aMerchantsInstallationsAreKeptInTheReadingViewAndEmptiedByAChange() {
        assertTrue(cache.reading().ofMerchant("m1", ProviderId.ADYEN).isEmpty());
        installed();
        assertEquals(1, cache.reading().ofMerchant("m1", ProviderId.ADYEN).size(), "the install emptied the kept empty list");
        assertEquals(1, cache.reading().ofMerchant("m1", ProviderId.ADYEN).size());
        assertEquals(2, listReads.get(), "the second read of the list came from memory");
        cache.changing().ofMerchant("m1", ProviderId.ADYEN);
        assertEquals(3, listReads.get(), "the changing view reads the store");
        assertTrue(cache.reading().ofMerchant("m1", ProviderId.NP_ATOBARAI).isEmpty(), "another provider's app is another entry");

        cache.changing().remove(cache.changing().find(URL, ProviderId.ADYEN).orElseThrow());
        commit();
        assertTrue(cache.reading().ofMerchant("m1", ProviderId.ADYEN).isEmpty(), "a removal empties the kept list");

        store.add(SaleorInstallation.install(URL, ProviderId.ADYEN, "m1", "QXBwOjE=", new SealedSecret("v1:k:token"),
            "{\"keys\":[]}", T0));
        assertTrue(cache.reading().ofMerchant("m1", ProviderId.ADYEN).isEmpty(), "one installed on another instance: not yet");
        nanos.addAndGet(SaleorInstallationCache.TTL.toNanos());
        assertEquals(1, cache.reading().ofMerchant("m1", ProviderId.ADYEN).size(), "within the TTL");
    }
}
