package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaleorInstallationTest {

    static final String API_URL = "https://shop.example/graphql/";
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    SaleorInstallation installed() {
        return SaleorInstallation.install(API_URL, ProviderId.NP_ATOBARAI, "m1", "QXBwOjE0",
            new SealedSecret("sealed-token-1"), "{\"keys\":[]}", T0);
    }

    @Test
    void theInstalledAppRotatesItsTokenAndKeys() {
        SaleorInstallation installation = installed();

        installation.reinstalled("QXBwOjE0", new SealedSecret("sealed-token-2"), "{\"keys\":[1]}", T0.plusSeconds(60));

        assertEquals("sealed-token-2", installation.token().value());
        assertEquals("{\"keys\":[1]}", installation.jwks());
        assertEquals(T0.plusSeconds(60), installation.updatedAt());
    }

    @Test
    void anotherAppIdCannotTakeOverTheInstallationAndNothingChanges() {
        SaleorInstallation installation = installed();

        AppAlreadyInstalled refused = assertThrows(AppAlreadyInstalled.class, () -> installation.reinstalled(
            "QXBwOjY2", new SealedSecret("attacker-token"), "{\"keys\":[\"attacker\"]}", T0.plusSeconds(60)));

        assertEquals("QXBwOjE0", installation.appId());
        assertEquals("sealed-token-1", installation.token().value());
        assertEquals("{\"keys\":[]}", installation.jwks());
        assertEquals(T0, installation.updatedAt());
        assertTrue(refused.getMessage().contains(installation.id()), refused.getMessage());
        assertTrue(!refused.getMessage().contains("QXBwOjE0"), "the installed app id is not told to the caller");
    }

    @Test
    void theIdNamesProviderAndApiUrlAndFitsInAPathSegment() {
        String id = installed().id();

        assertTrue(id.startsWith("np-atobarai."), id);
        assertTrue(id.matches("[a-z-]+\\.[A-Za-z0-9_-]+"), id);
        assertNotEquals(id, SaleorInstallation.id(API_URL, ProviderId.ADYEN));
        assertNotEquals(id, SaleorInstallation.id("https://shop.example/graphql", ProviderId.NP_ATOBARAI));
    }
}
