package dev.payhooks.domain.usecase;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.InMemorySignatureKeys;
import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.WebhookSecret;
import dev.payhooks.domain.port.CountingRandomBytes;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SteppingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManageSignatureKeysTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T12:00:00Z"));
    final FakeSecrets secrets = new FakeSecrets();
    final InMemorySignatureKeys keys = new InMemorySignatureKeys();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageSignatureKeys manage = new ManageSignatureKeys(keys, secrets, new CountingRandomBytes(), clock,
        audit.recorder(() -> Actor.staff("alice"), clock));

    @Test
    void ensureMakesOneSealedKeyPerMerchant() {
        SignatureKey first = manage.ensure("m1");

        assertEquals(first, manage.ensure("m1"));
        // CountingRandomBytes: the first secret is 32 bytes of 0x01
        assertEquals("whsec_" + Base64.getEncoder().encodeToString(filled(1)), manage.reveal("m1").reveal());
        assertEquals("whsec_" + Base64.getEncoder().encodeToString(filled(1)),
            secrets.open(first.current(), SignatureKey.secretContext("m1")));
        assertThrows(NotFound.class, () -> manage.reveal("m2"));
        assertThrows(NotFound.class, () -> manage.rotate("m2"));
    }

    @Test
    void aRotatedKeySignsAlongsideTheNewOneFor24Hours() {
        manage.ensure("m1");
        WebhookSecret old = manage.reveal("m1");
        clock.advance(Duration.ofDays(10));

        manage.rotate("m1");
        WebhookSecret current = manage.reveal("m1");

        assertNotEquals(old, current);
        assertEquals(2, manage.keysToSignWith("m1").size());
        clock.advance(Duration.ofHours(24).minusNanos(1));
        assertEquals(2, manage.keysToSignWith("m1").size());
        clock.advance(Duration.ofNanos(1));
        assertEquals(1, manage.keysToSignWith("m1").size());
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
