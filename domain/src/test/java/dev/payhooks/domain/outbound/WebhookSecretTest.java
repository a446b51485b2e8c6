package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.CountingRandomBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretTest {

    @Test
    void generatedSecretsAre32BytesInTheStandardWebhooksForm() {
        WebhookSecret secret = WebhookSecret.generate(new CountingRandomBytes());

        assertTrue(secret.reveal().startsWith("whsec_"));
        byte[] decoded = Base64.getDecoder().decode(secret.reveal().substring(6));
        assertEquals(32, decoded.length);
        assertArrayEquals(decoded, secret.hmacKey());
        assertEquals(secret, WebhookSecret.parse(secret.reveal()));
        assertFalse(secret.toString().contains(secret.reveal().substring(6, 12)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", "whsec_c2hvcnQ=", "whsec_"})
    void parseRefusesWhatIsNotAWebhookSecret(String text) {
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(text));
    }

    @Test
    void parseAccepts24To64Bytes() {
        assertEquals(24, WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").hmacKey().length);
        String sixtyFour = "whsec_" + Base64.getEncoder().encodeToString(new byte[64]);
        assertEquals(64, WebhookSecret.parse(sixtyFour).hmacKey().length);
        String sixtyFive = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(sixtyFive));
    }
}
