package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.outbound.SigningKey;
import dev.payhooks.domain.outbound.WebhookSecret;
import dev.payhooks.domain.outbound.EventId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The signature headers of one delivery, computed over the exact bytes sent.
 *
 * <ul>
 *   <li>{@code X-Signature}: lower-case hex HMAC-SHA256(key, raw body) — the hub's documented
 *       choice, USAePay publishes none.</li>
 *   <li>{@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 *       {@code webhook-signature: v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>}
 *       as the Standard Webhooks specification defines them.</li>
 * </ul>
 *
 * <p>An Ed25519 key (the merchant's {@code AsymmetricSigningKey}) signs the same content in the
 * specification's asymmetric form, {@code v1a,<base64 Ed25519 signature>}; it has no shared
 * secret, so it adds nothing to {@code X-Signature}, which is then absent (null).
 *
 * <p>With several keys (during a rotation: the new key first, then the previous one) each
 * header carries one signature per key, separated by a single space. For
 * {@code webhook-signature} that is the specification's own rule. {@code X-Signature} follows
 * the same rule rather than carrying only the new key's signature: a receiver still configured
 * with the old key keeps verifying for the 24 hours the old key stays valid, provided it splits
 * on spaces and accepts any match — which the verification snippet in the docs does.
 */
public final class WebhookSigner {

    private static final String HMAC = "HmacSHA256";

    /** The header values to send ({@code xSignature} null when no key is an HMAC key); none of them is secret. */
    public record SignatureHeaders(String webhookId, String webhookTimestamp, String webhookSignature, String xSignature) { }

    private WebhookSigner() {
    }

    public static SignatureHeaders sign(byte[] body, EventId eventId, Instant timestamp, List<SigningKey> keys) {
        return sign(body, eventId.value(), timestamp.getEpochSecond(), keys);
    }

    /** With any message id, as the Standard Webhooks test vector uses ({@code msg_…}). */
    public static SignatureHeaders sign(byte[] body, String webhookId, long timestampSeconds, List<SigningKey> keys) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(webhookId, "webhookId");
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("signing needs at least one key");
        }
        String timestamp = Long.toString(timestampSeconds);
        byte[] signedContent = standardWebhooksContent(webhookId, timestamp, body);
        String webhookSignature = keys.stream()
            .map(key -> key.asymmetric()
                ? "v1a," + Base64.getEncoder().encodeToString(ed25519(key, signedContent))
                : "v1," + Base64.getEncoder().encodeToString(hmac(key, signedContent)))
            .collect(Collectors.joining(" "));
        List<SigningKey> hmacKeys = keys.stream().filter(key -> !key.asymmetric()).toList();
        String xSignature = hmacKeys.isEmpty() ? null : hmacKeys.stream()
            .map(key -> HexFormat.of().formatHex(hmac(key, body)))
            .collect(Collectors.joining(" "));
        return new SignatureHeaders(webhookId, timestamp, webhookSignature, xSignature);
    }

    /** {@code {id}.{timestamp}.} followed by the body's bytes as they are (never re-encoded). */
    private static byte[] standardWebhooksContent(String id, String timestamp, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + id.length() + timestamp.length() + 2);
        content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        content.writeBytes(body);
        return content.toByteArray();
    }

    private static byte[] ed25519(SigningKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
        }
    }

    private static byte[] hmac(SigningKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.bytes(), HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
