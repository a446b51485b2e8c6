package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenedSecretsTest {

    final FakeSecrets real = new FakeSecrets();
    final OpenedSecrets secrets = new OpenedSecrets(real);

    @Test
    void aSealedValueIsOpenedOnceWhileItIsHeld() {
        SealedSecret sealed = real.seal("sp-code", "np-atobarai/secretSpCode");

        assertEquals("sp-code", secrets.open(sealed, "np-atobarai/secretSpCode"));
        assertEquals("sp-code", secrets.open(sealed, "np-atobarai/secretSpCode"));

        assertEquals(1, real.openedCount());
    }

    @Test
    void aValueSealedAnewIsOpenedAnew() {
        secrets.open(real.seal("first", "adyen/apiKey"), "adyen/apiKey");

        assertEquals("second", secrets.open(real.seal("second", "adyen/apiKey"), "adyen/apiKey"));
        assertEquals(2, real.openedCount());
    }

    @Test
    void anotherContextIsOpenedByTheRealSecretsAndRefused() {
        SealedSecret sealed = real.seal("key", "adyen/apiKey");
        secrets.open(sealed, "adyen/apiKey");

        assertThrows(IllegalArgumentException.class, () -> secrets.open(sealed, "adyen/hmacKey"));
        assertThrows(IllegalArgumentException.class, () -> secrets.open(sealed, "adyen/hmacKey"));
        assertEquals(3, real.openedCount());
    }

    @Test
    void showsNothingItOpenedAndSealsThroughTheRealSecrets() {
        secrets.open(real.seal("very-secret", "adyen/apiKey"), "adyen/apiKey");

        assertFalse(secrets.toString().contains("very-secret"));
        assertEquals(real.seal("other", "adyen/apiKey"), secrets.seal("other", "adyen/apiKey"));
    }
}
