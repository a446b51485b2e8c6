package dev.payhooks.application.cache;

import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecentlyOpenedSecretsTest {

    private final AtomicInteger openings = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final FakeSecrets store = new FakeSecrets() {
        @Override
        public String open(SealedSecret sealed, String context) {
            openings.incrementAndGet();
            return super.open(sealed, context);
        }
    };
    private final RecentlyOpenedSecrets secrets = new RecentlyOpenedSecrets(store, nanos::get, Duration.ofSeconds(5));

    @Test
    void aSecretIsDecryptedOnceWithinTheTtlAndAgainAfterIt() {
        SealedSecret sealed = secrets.seal("hmac-key", "channel:adyen:hmacKeys");
        assertEquals("hmac-key", secrets.open(sealed, "channel:adyen:hmacKeys"));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertEquals("hmac-key", secrets.open(sealed, "channel:adyen:hmacKeys"));
        assertEquals(1, openings.get());
        nanos.addAndGet(1);
        assertEquals("hmac-key", secrets.open(sealed, "channel:adyen:hmacKeys"));
        assertEquals(2, openings.get());
    }

    @Test
    void aValueKeptForOneContextDoesNotOpenInAnother() {
        SealedSecret sealed = secrets.seal("password", "channel:adyen:notificationPassword");
        assertEquals("password", secrets.open(sealed, "channel:adyen:notificationPassword"));
        assertThrows(IllegalArgumentException.class, () -> secrets.open(sealed, "channel:walley:apiSecret"));
        assertThrows(IllegalArgumentException.class, () -> secrets.open(sealed, "channel:walley:apiSecret"),
            "a value that does not open fails every time");
        assertEquals(3, openings.get());
    }

    @Test
    void eachSealedValueOpensToItsOwnSecret() {
        SealedSecret current = secrets.seal("current", "context");
        SealedSecret previous = secrets.seal("previous", "context");
        assertEquals("current", secrets.open(current, "context"));
        assertEquals("previous", secrets.open(previous, "context"));
    }
}
