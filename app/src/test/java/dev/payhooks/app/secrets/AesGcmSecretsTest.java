package dev.payhooks.app.secrets;

import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AesGcmSecretsTest {

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    final AesGcmSecrets secrets = new AesGcmSecrets(key(7));

    @Test
    void sealsAndOpensInTheSameContext() {
        SealedSecret sealed = secrets.seal("AQE-adyen-api-key", "provider-settings/adyen/apiKey");

        assertTrue(sealed.value().matches("v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+"), sealed.value());
        assertFalse(sealed.value().contains("AQE"));
        assertEquals("AQE-adyen-api-key", secrets.open(sealed, "provider-settings/adyen/apiKey"));
        assertEquals("SealedSecret[…]", sealed.toString());
    }

    @Test
    void theSameSecretSealsDifferentlyEachTime() {
        assertNotEquals(secrets.seal("x", "c").value(), secrets.seal("x", "c").value());
    }

    @Test
    void anotherContextDoesNotOpen() {
        SealedSecret sealed = secrets.seal("password", "provider-settings/walley/webhookPassword");

        assertThrows(IllegalArgumentException.class, () -> secrets.open(sealed, "provider-settings/walley/clientSecret"));
    }

    @Test
    void anyAlteredByteDoesNotOpen() {
        SealedSecret sealed = secrets.seal("secret value", "ctx");
        String[] parts = sealed.value().split(":");
        byte[] stored = Base64.getDecoder().decode(parts[2]);
        for (int i = 0; i < stored.length; i++) {
            byte[] altered = stored.clone();
            altered[i] ^= 1;
            SealedSecret tampered = new SealedSecret(parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(altered));
            assertThrows(IllegalArgumentException.class, () -> secrets.open(tampered, "ctx"), "byte " + i);
        }
    }

    @Test
    void anotherKeyDoesNotOpenButAPreviousKeyStillDoes() {
        SealedSecret sealed = secrets.seal("old", "ctx");

        assertThrows(IllegalStateException.class, () -> new AesGcmSecrets(key(8)).open(sealed, "ctx"));
        AesGcmSecrets rotated = new AesGcmSecrets(key(8), key(7));
        assertEquals("old", rotated.open(sealed, "ctx"));
        assertTrue(rotated.seal("new", "ctx").value().startsWith("v1:" + AesGcmSecrets.keyId(key(8)) + ":"));
    }

    @Test
    void malformedValuesAreRefused() {
        for (String bad : new String[] {"plain", "v2:abc:xyz", "v1:" + AesGcmSecrets.keyId(key(7)) + ":%%%", "v1:" + AesGcmSecrets.keyId(key(7)) + ":AAAA"}) {
            assertThrows(IllegalArgumentException.class, () -> secrets.open(new SealedSecret(bad), "ctx"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new AesGcmSecrets(new byte[16]));
    }
}
