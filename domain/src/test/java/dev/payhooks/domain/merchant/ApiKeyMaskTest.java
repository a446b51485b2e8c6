package dev.payhooks.domain.merchant;

import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ApiKeyMaskTest {

    static final String KEY = "phk_abcdefghijklmnopqrstuvwxyz0123456789wxyz";

    @Test
    void anApiKeyIsShownByNoMoreThanItsLastFourCharacters() {
        assertEquals("phk_••••wxyz", ApiKey.mask(KEY));
        ApiKey issued = ApiKey.issue("k1", "m1", "ERP", KEY, new SealedSecret("sealed"), Instant.EPOCH);
        assertEquals("phk_••••wxyz", issued.displayPrefix());
        assertFalse(issued.toString().contains("abcdef"), issued.toString());
        assertEquals("phk_••••", ApiKey.mask(null));
        assertEquals("phk_••••", ApiKey.mask("not-a-key-at-all"));
    }

    @Test
    void keysStoredWithTheOldSixCharacterPrefixShowNoneOfIt() {
        ApiKey legacy = ApiKey.reconstitute("k1", "m1", "ERP", "phk_abcdef…", "hash", new SealedSecret("sealed"),
            Instant.EPOCH, null, 0);
        assertEquals("phk_••••", legacy.displayPrefix());
        ApiKey current = ApiKey.reconstitute("k1", "m1", "ERP", "phk_••••wxyz", "hash", new SealedSecret("sealed"),
            Instant.EPOCH, null, 0);
        assertEquals("phk_••••wxyz", current.displayPrefix());
    }

    @Test
    void theSecretMaskShowsAtMostTheLastFourAndNothingOfShortSecrets() {
        assertEquals("••••6789", SealedSecret.mask("sk_live_0123456789"));
        assertEquals("••••", SealedSecret.mask("short12345"));
        assertEquals("••••", SealedSecret.mask("12345678901"));
        assertEquals("••••8901", SealedSecret.mask("abcdefgh8901"));
        assertEquals("", SealedSecret.mask(""));
        assertEquals("", SealedSecret.mask(null));
    }
}
