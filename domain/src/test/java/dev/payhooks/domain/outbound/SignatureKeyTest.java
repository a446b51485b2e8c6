package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignatureKeyTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final SealedSecret FIRST = new SealedSecret("sealed-1");
    static final SealedSecret SECOND = new SealedSecret("sealed-2");
    static final SealedSecret THIRD = new SealedSecret("sealed-3");

    @Test
    void aNewKeySignsAlone() {
        SignatureKey key = SignatureKey.create("m1", FIRST, T0);

        assertEquals(List.of(FIRST), key.keysToSignWith(T0));
        assertEquals(List.of(FIRST), key.keysToSignWith(T0.plus(Duration.ofDays(400))));
    }

    @Test
    void thePreviousKeySignsTooForExactly24Hours() {
        SignatureKey key = SignatureKey.create("m1", FIRST, T0);
        Instant rotated = T0.plus(Duration.ofDays(3));

        key.rotate(SECOND, rotated);

        assertEquals(List.of(SECOND, FIRST), key.keysToSignWith(rotated), "new key first");
        assertEquals(List.of(SECOND, FIRST), key.keysToSignWith(rotated.plus(Duration.ofHours(24)).minusNanos(1)));
        assertEquals(List.of(SECOND), key.keysToSignWith(rotated.plus(Duration.ofHours(24))), "the window is half-open");
        assertEquals(List.of(SECOND), key.keysToSignWith(rotated.plus(Duration.ofHours(25))));
        assertEquals(FIRST, key.previous().orElseThrow());
        assertEquals(rotated, key.rotatedAt().orElseThrow());
        assertEquals(T0, key.createdAt(), "creation stays");
    }

    @Test
    void aSecondRotationWithinTheWindowDropsTheOldestKeyAtOnce() {
        SignatureKey key = SignatureKey.create("m1", FIRST, T0);
        key.rotate(SECOND, T0.plusSeconds(60));

        key.rotate(THIRD, T0.plusSeconds(120));

        assertEquals(List.of(THIRD, SECOND), key.keysToSignWith(T0.plusSeconds(120)));
        assertEquals(List.of(THIRD), key.keysToSignWith(T0.plusSeconds(120).plus(Duration.ofHours(24))));
    }

    @Test
    void aPreviousKeyNeedsItsRotationTime() {
        assertThrows(IllegalArgumentException.class, () -> SignatureKey.reconstitute("m1", SECOND, T0, FIRST, null, 1));
        assertThrows(IllegalArgumentException.class, () -> SignatureKey.reconstitute("m1", SECOND, T0, null, T0, 1));
    }

    @Test
    void secretsAreSealedPerMerchant() {
        assertEquals("signature-key/m1", SignatureKey.secretContext("m1"));
    }
}
