package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.SaleorInstallation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which installation a payment came from: read only for a payment whose id can be a Saleor one. */
class SaleorJsonInstallationTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String API_URL = "https://shop.example/graphql/";
    static final String SALEOR_ID = "VHJhbnNhY3Rpb25JdGVtOjE=";

    /** Installations that count how often a merchant's were read (each read is a query in the store). */
    static final class CountingInstallations extends InMemorySaleorInstallations {
        int reads;

        @Override
        public List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider) {
            reads++;
            return super.ofMerchant(merchantId, provider);
        }
    }

    @Test
    void aSaleorPaymentIsFoundInItsInstallationAndAPaymentStartedElsewhereReadsNone() {
        CountingInstallations installations = new CountingInstallations();
        installations.add(SaleorInstallation.install(API_URL, ProviderId.ADYEN, "m-1", "QXBwOjE=", new SealedSecret("sealed"),
            "{}", NOW));
        PaymentTransaction saleor = PaymentTransaction.initialize(SaleorJson.hubTransactionId("adyen", API_URL, SALEOR_ID), "se",
            ProviderId.ADYEN, SALEOR_ID, Currency.of("SEK"), NOW);
        PaymentTransaction payByLink = PaymentTransaction.initialize(TransactionId.of("0f3a9c2e-5d1b-4c8e-9a7f-1b2c3d4e5f60"),
            "se", ProviderId.ADYEN, "link-7", Currency.of("SEK"), NOW);

        assertEquals(Optional.of(API_URL), SaleorJson.installationOf(installations, "m-1", ProviderId.ADYEN, "adyen", saleor));
        assertEquals(1, installations.reads);
        assertEquals(Optional.empty(), SaleorJson.installationOf(installations, "m-1", ProviderId.ADYEN, "adyen", payByLink));
        assertEquals(Optional.empty(), SaleorJson.installationOf(installations, "m-1", ProviderId.ADYEN, "np", saleor));
        assertEquals(1, installations.reads, "no installation is read for an id no Saleor transaction of the app has");
    }
}
