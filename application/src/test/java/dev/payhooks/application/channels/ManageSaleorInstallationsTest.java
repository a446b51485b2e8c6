package dev.payhooks.application.channels;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.error.NotPermitted;
import org.junit.jupiter.api.Test;





import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageSaleorInstallationsTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageSaleorInstallations manage = new ManageSaleorInstallations(installations,
        audit.recorder(() -> Actor.staff("alice"), clock));

    SaleorInstallation install(String merchant, ProviderId provider, String apiUrl) {
        SaleorInstallation installation = SaleorInstallation.install(apiUrl, provider, merchant, "QXBwOjE0",
            new SealedSecret("sealed"), "{\"keys\":[]}", clock.instant());
        installations.add(installation);
        return installation;
    }

    @Test
    void removingAnInstallationForgetsItAndIsAudited() {
        SaleorInstallation np = install("m1", ProviderId.NP_ATOBARAI, "https://a.example/graphql/");
        install("m1", ProviderId.ADYEN, "https://a.example/graphql/");

        manage.remove(TestCallers.administrator("m1"), np.id());

        assertEquals(1, manage.list("m1").size());
        assertEquals(ProviderId.ADYEN, manage.list("m1").get(0).provider());
        AuditEntry entry = audit.all().get(0);
        assertEquals("saleor-installation.removed", entry.action());
        assertEquals("alice", entry.actor());
        assertEquals("Saleor np-atobarai app in https://a.example/graphql/", entry.subject());
        assertTrue(entry.detail().contains("QXBwOjE0"));
    }

    @Test
    void aMerchantCannotRemoveAnotherMerchantsInstallation() {
        SaleorInstallation other = install("m2", ProviderId.NP_ATOBARAI, "https://b.example/graphql/");

        assertThrows(NotFound.class, () -> manage.remove(TestCallers.administrator("m1"), other.id()));
        assertThrows(NotFound.class, () -> manage.remove(TestCallers.administrator("m1"), "np-atobarai.bm90aGluZw"));

        assertEquals(1, manage.list("m2").size());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void onlyAdministratorsAndApiKeysRemoveAnInstallation() {
        SaleorInstallation np = install("m1", ProviderId.NP_ATOBARAI, "https://a.example/graphql/");

        assertThrows(NotPermitted.class, () -> manage.remove(TestCallers.developer("m1"), np.id()));
        assertThrows(NotPermitted.class, () -> manage.remove(TestCallers.viewer("m1"), np.id()));
        assertEquals(1, manage.list("m1").size());
    }
}
