package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.trace.CorrelationId;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.payhooks.adapters.outbound.WebhookSignerTest.AT;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.BODY;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.EVENT;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.NEW_SECRET;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.keyOf;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.receiverAcceptsStandardWebhook;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.receiverAcceptsXSignature;
import static dev.payhooks.adapters.outbound.WebhookSignerTest.signingKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryRequestsTest {

    @Test
    void theCorrelationIdGoesOutInItsOwnHeaderOutsideTheSignedContent() throws Exception {
        PinnedHttpTransport.Request request = build(Optional.of(new CorrelationId("it-9c1e")));

        assertEquals("it-9c1e", request.headers().get(DeliveryRequests.CORRELATION_HEADER));
        assertEquals("Payhooks-Correlation-Id", DeliveryRequests.CORRELATION_HEADER);
        // the signatures a receiver checks are over id, timestamp and body only: the same as without the header
        PinnedHttpTransport.Request without = build(Optional.empty());
        assertEquals(without.headers().get("webhook-signature"), request.headers().get("webhook-signature"));
        assertEquals(without.headers().get("X-Signature"), request.headers().get("X-Signature"));
        assertTrue(receiverAcceptsStandardWebhook(NEW_SECRET, request.headers().get("webhook-id"),
            request.headers().get("webhook-timestamp"), BODY, request.headers().get("webhook-signature")));
        assertTrue(receiverAcceptsXSignature(keyOf(NEW_SECRET), BODY, request.headers().get("X-Signature")));
    }

    @Test
    void anEventWithoutOneSendsNoCorrelationHeader() throws Exception {
        assertFalse(build(Optional.empty()).headers().containsKey(DeliveryRequests.CORRELATION_HEADER));
    }

    private static PinnedHttpTransport.Request build(Optional<CorrelationId> correlation) throws Exception {
        return DeliveryRequests.build(URI.create("https://hooks.example.com/in"), InetAddress.getByName("203.0.113.7"),
            Duration.ofSeconds(15), new String(BODY, java.nio.charset.StandardCharsets.UTF_8), EVENT, AT, Optional.empty(),
            List.of(signingKey(NEW_SECRET)), correlation);
    }
}
