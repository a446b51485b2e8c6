package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.SigningKey;
import dev.payhooks.domain.trace.CorrelationId;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP request of one delivery attempt, headers as the outbound webhook protocol lists them:
 * {@code Content-Type}, Basic {@code Authorization} when the subscription has it, and with any
 * signature the Standard Webhooks {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature}, plus {@code X-Signature} for HMAC keys; and
 * {@value #CORRELATION_HEADER} with the event's correlation id when it has one. That header is
 * not signed (the signatures cover the id, timestamp and body only): it is for following the
 * delivery in logs, never for trusting anything.
 */
public final class DeliveryRequests {

    /** Basic credentials in clear, just for building one request. */
    public record BasicCredentials(String username, String password) {
        @Override
        public String toString() {
            return "BasicCredentials[" + username + ", ••••]";
        }
    }

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final String CORRELATION_HEADER = "Payhooks-Correlation-Id";

    private DeliveryRequests() {
    }

    public static PinnedHttpTransport.Request build(URI url, InetAddress pinned, Duration timeout, String payloadJson,
                                                    EventId eventId, Instant now, Optional<BasicCredentials> basic,
                                                    List<SigningKey> signingKeys, Optional<CorrelationId> correlationId) {
        byte[] body = payloadJson.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        basic.ifPresent(credentials -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8))));
        if (!signingKeys.isEmpty()) {
            WebhookSigner.SignatureHeaders signed = WebhookSigner.sign(body, eventId, now, signingKeys);
            if (signed.xSignature() != null) {
                headers.put("X-Signature", signed.xSignature());
            }
            headers.put("webhook-id", signed.webhookId());
            headers.put("webhook-timestamp", signed.webhookTimestamp());
            headers.put("webhook-signature", signed.webhookSignature());
        }
        correlationId.ifPresent(id -> headers.put(CORRELATION_HEADER, id.value()));
        Duration connect = timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT;
        return new PinnedHttpTransport.Request(url, pinned, headers, body, connect, timeout);
    }
}
