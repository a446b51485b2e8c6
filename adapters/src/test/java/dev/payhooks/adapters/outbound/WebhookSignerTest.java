package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.outbound.SigningKey;
import dev.payhooks.domain.outbound.WebhookSecret;
import dev.payhooks.domain.outbound.EventId;

import dev.payhooks.adapters.outbound.WebhookSigner.SignatureHeaders;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignerTest {

    // The Standard Webhooks specification's published test vector.
    static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long VECTOR_TIMESTAMP = 1614265330L;
    static final String VECTOR_BODY = "{\"test\": 2432232314}";
    static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes(StandardCharsets.US_ASCII));
    static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes(StandardCharsets.US_ASCII));
    static final EventId EVENT = new EventId("c088bc28" + "0".repeat(56));
    static final Instant AT = Instant.parse("2026-11-23T10:00:00.987Z");
    static final byte[] BODY = "{\"type\":\"event\",\"event_type\":\"transaction.sale.success\",\"amount\":\"5.00\"}"
        .getBytes(StandardCharsets.UTF_8);

    /**
     * A receiver's verification, written from the contract and the Standard Webhooks text alone:
     * the secret's base64 part is the key; the signed content is "{id}.{timestamp}.{body}";
     * the header holds space-separated "v1,<base64>" entries; any match verifies.
     */
    static boolean receiverAcceptsStandardWebhook(String secret, String id, String timestamp, byte[] body, String header) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String entry : header.split(" ")) {
            String[] versionAndSignature = entry.split(",", 2);
            if (versionAndSignature.length == 2 && versionAndSignature[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versionAndSignature[1]))) {
                return true;
            }
        }
        return false;
    }

    /** The contract's X-Signature: hex HMAC-SHA256(key, raw body); several space-separated during a rotation. */
    static boolean receiverAcceptsXSignature(byte[] key, byte[] body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal(body);
        for (String hex : header.split(" ")) {
            if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex))) {
                return true;
            }
        }
        return false;
    }

    static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    static SigningKey signingKey(String secret) {
        return SigningKey.of(WebhookSecret.parse(secret));
    }

    @Test
    void reproducesTheStandardWebhooksTestVector() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);

        SignatureHeaders headers = WebhookSigner.sign(body, VECTOR_ID, VECTOR_TIMESTAMP, List.of(signingKey(VECTOR_SECRET)));

        assertEquals(VECTOR_SIGNATURE, headers.webhookSignature());
        assertEquals("1614265330", headers.webhookTimestamp());
        assertTrue(receiverAcceptsStandardWebhook(VECTOR_SECRET, VECTOR_ID, "1614265330", body, VECTOR_SIGNATURE),
            "the independent verifier agrees with the published vector");
    }

    @Test
    void xSignatureIsTheHexHmacOfTheRawBody() {
        // RFC 4231 test case 2: key "Jefe"
        SignatureHeaders headers = WebhookSigner.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII),
            "msg_1", 1, List.of(SigningKey.ofSourceKey("Jefe")));

        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", headers.xSignature());
    }

    @Test
    void aDeliveryVerifiesWithBothHeaders() throws Exception {
        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT, List.of(signingKey(NEW_SECRET)));

        assertEquals(EVENT.value(), headers.webhookId());
        assertEquals(String.valueOf(AT.getEpochSecond()), headers.webhookTimestamp(), "unix seconds");
        assertTrue(receiverAcceptsStandardWebhook(NEW_SECRET, headers.webhookId(), headers.webhookTimestamp(), BODY, headers.webhookSignature()));
        assertTrue(receiverAcceptsXSignature(keyOf(NEW_SECRET), BODY, headers.xSignature()));
        assertTrue(headers.xSignature().matches("[0-9a-f]{64}"));
        assertTrue(headers.webhookSignature().matches("v1,[A-Za-z0-9+/]{43}="));
    }

    @Test
    void anyChangeBreaksTheSignature() throws Exception {
        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT, List.of(signingKey(NEW_SECRET)));
        byte[] altered = BODY.clone();
        altered[altered.length - 3] = '6';

        assertFalse(receiverAcceptsStandardWebhook(NEW_SECRET, headers.webhookId(), headers.webhookTimestamp(), altered, headers.webhookSignature()));
        assertFalse(receiverAcceptsStandardWebhook(NEW_SECRET, "f" + headers.webhookId().substring(1), headers.webhookTimestamp(), BODY, headers.webhookSignature()));
        assertFalse(receiverAcceptsStandardWebhook(NEW_SECRET, headers.webhookId(), String.valueOf(AT.getEpochSecond() + 1), BODY, headers.webhookSignature()));
        assertFalse(receiverAcceptsStandardWebhook(OLD_SECRET, headers.webhookId(), headers.webhookTimestamp(), BODY, headers.webhookSignature()));
        assertFalse(receiverAcceptsXSignature(keyOf(NEW_SECRET), altered, headers.xSignature()));
        assertFalse(receiverAcceptsXSignature(keyOf(OLD_SECRET), BODY, headers.xSignature()));
    }

    @Test
    void duringARotationBothKeysSignNewestFirstAndEitherVerifies() throws Exception {
        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT, List.of(signingKey(NEW_SECRET), signingKey(OLD_SECRET)));

        String[] standard = headers.webhookSignature().split(" ");
        String[] x = headers.xSignature().split(" ");
        assertEquals(2, standard.length);
        assertEquals(2, x.length);
        assertEquals(WebhookSigner.sign(BODY, EVENT, AT, List.of(signingKey(NEW_SECRET))).webhookSignature(), standard[0]);
        for (String secret : List.of(NEW_SECRET, OLD_SECRET)) {
            assertTrue(receiverAcceptsStandardWebhook(secret, headers.webhookId(), headers.webhookTimestamp(), BODY, headers.webhookSignature()), secret);
            assertTrue(receiverAcceptsXSignature(keyOf(secret), BODY, headers.xSignature()), secret);
        }
        assertFalse(receiverAcceptsStandardWebhook(VECTOR_SECRET, headers.webhookId(), headers.webhookTimestamp(), BODY, headers.webhookSignature()));
    }

    @Test
    void theBodyIsSignedByteForByteNotAsText() throws Exception {
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};

        SignatureHeaders headers = WebhookSigner.sign(notUtf8, EVENT, AT, List.of(signingKey(NEW_SECRET)));

        assertTrue(receiverAcceptsStandardWebhook(NEW_SECRET, headers.webhookId(), headers.webhookTimestamp(), notUtf8, headers.webhookSignature()));
        assertTrue(receiverAcceptsXSignature(keyOf(NEW_SECRET), notUtf8, headers.xSignature()));
    }

    @Test
    void aSourceKeySignsWithItsTextAsTheKey() throws Exception {
        String apiKey = "phk_" + "a1".repeat(20);

        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT, List.of(SigningKey.ofSourceKey(apiKey)));

        assertTrue(receiverAcceptsXSignature(apiKey.getBytes(StandardCharsets.UTF_8), BODY, headers.xSignature()));
    }

    @Test
    void signingNeedsAKey() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.sign(BODY, EVENT, AT, List.of()));
        assertFalse(signingKey(NEW_SECRET).toString().contains("new-key"));
    }
}
