package dev.payhooks.application.apikeys;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.error.NotPermitted;
import org.junit.jupiter.api.Test;





import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageApiKeysTest {

    final InMemoryApiKeys keys = new InMemoryApiKeys();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageApiKeys manage = new ManageApiKeys(keys, new FakeSecrets(), new SequentialIds(), clock,
        audit.recorder(() -> Actor.apiKey("ERP", "key-0"), clock));

    @Test
    void anIssuedKeyAuthenticatesItsMerchantUntilRevoked() {
        ManageApiKeys.IssuedKey issued = manage.issue(TestCallers.developer("m1"), "shop backend");

        assertTrue(ApiKey.wellFormed(issued.plaintext()));
        assertFalse(issued.key().keyHash().contains(issued.plaintext()));
        assertEquals("m1", manage.authenticate(issued.plaintext()).orElseThrow().merchantId());
        assertEquals(issued.plaintext(), manage.reveal(issued.key()));

        manage.revoke(TestCallers.developer("m1"), issued.key().id());

        assertTrue(manage.authenticate(issued.plaintext()).isEmpty());
    }

    @Test
    void malformedOrUnknownKeysDoNotAuthenticate() {
        manage.issue(TestCallers.developer("m1"), "shop backend");

        assertTrue(manage.authenticate(null).isEmpty());
        assertTrue(manage.authenticate("").isEmpty());
        assertTrue(manage.authenticate("phk_short").isEmpty());
        assertTrue(manage.authenticate("phk_" + "a".repeat(40)).isEmpty());
        assertTrue(manage.authenticate("PHK_" + "a".repeat(40)).isEmpty());
    }

    @Test
    void aMerchantCannotRevokeAnotherMerchantsKey() {
        ManageApiKeys.IssuedKey issued = manage.issue(TestCallers.developer("m1"), "shop backend");

        assertThrows(NotFound.class, () -> manage.revoke(TestCallers.developer("m2"), issued.key().id()));
        assertTrue(manage.authenticate(issued.plaintext()).isPresent());
    }

    @Test
    void configuredBootstrapKeysMustHaveTheKeyShape() {
        assertThrows(InvalidField.class, () -> manage.issue("m1", "bootstrap", "my-easy-key"));
        assertEquals("phk_" + "b".repeat(40), manage.issue("m1", "bootstrap", "phk_" + "b".repeat(40)).plaintext());
    }

    @Test
    void theKeyIsNeverInItsToString() {
        ManageApiKeys.IssuedKey issued = manage.issue(TestCallers.developer("m1"), "shop backend");

        assertFalse(issued.toString().contains(issued.plaintext()));
        assertFalse(issued.key().toString().contains(issued.plaintext()));
    }

    @Test
    void viewersNeitherIssueNorRevokeKeys() {
        ManageApiKeys.IssuedKey issued = manage.issue(TestCallers.developer("m1"), "shop backend");

        assertThrows(NotPermitted.class, () -> manage.issue(TestCallers.viewer("m1"), "mine"));
        assertThrows(NotPermitted.class, () -> manage.revoke(TestCallers.viewer("m1"), issued.key().id()));
        assertEquals(1, manage.list("m1").size());
        assertTrue(manage.list("m1").get(0).active());
    }
}
