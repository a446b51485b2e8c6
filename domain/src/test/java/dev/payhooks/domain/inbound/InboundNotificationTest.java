package dev.payhooks.domain.inbound;

import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class InboundNotificationTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00.123456789Z");
    private static final Instant LATER = Instant.parse("2026-11-23T10:00:05Z");
    private static final Instant MUCH_LATER = Instant.parse("2026-11-23T11:00:00Z");

    private static InboundNotification received(VerificationResult verification) {
        return InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("psp-1:AUTHORISATION:true:"),
            "m-1", "default-channel", "{\"live\":\"false\"}".getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("Authorization", "Basic dXNlcjpwYXNz", "Content-Type", "application/json")),
            verification, RECEIVED);
    }

    private static InboundNotification received() {
        return received(VerificationResult.verified());
    }

    @Test
    void aNewNotificationAwaitsProcessing() {
        InboundNotification n = received();
        assertEquals(ProcessingStatus.RECEIVED, n.status());
        assertEquals(0, n.attempts());
        assertEquals(Optional.empty(), n.statusReason());
        assertEquals(Optional.empty(), n.lastAttemptAt());
        assertTrue(n.isAwaitingProcessing());
        assertEquals(0, n.version());
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), received().receivedAt());
    }

    @Test
    void theRawBodyCannotBeChangedFromOutside() {
        byte[] body = {1, 2, 3};
        InboundNotification n = InboundNotification.register("n-1", ProviderId.WALLEY, new NotificationKey("k"), null, null,
            body, NotificationHeaders.none(), VerificationResult.notRequired(), RECEIVED);
        body[0] = 9;
        n.rawBody()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, n.rawBody());
        assertEquals(3, n.rawBodySize());
    }

    @Test
    void anUnknownMerchantAccountIsStillANotification() {
        InboundNotification n = InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("k"), null, null,
            new byte[0], NotificationHeaders.none(), VerificationResult.verified(), RECEIVED);
        assertEquals(Optional.empty(), n.merchantId());
        assertEquals(Optional.empty(), n.channelSlug());
    }

    @Test
    void processingOnceEndsIt() {
        InboundNotification n = received();
        n.markProcessed(LATER);
        assertEquals(ProcessingStatus.PROCESSED, n.status());
        assertEquals(1, n.attempts());
        assertEquals(Optional.of(LATER), n.lastAttemptAt());
        assertFalse(n.isAwaitingProcessing());
    }

    @Test
    void aProcessedNotificationIsFinal() {
        InboundNotification n = received();
        n.markProcessed(LATER);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> n.markFailed("boom", MUCH_LATER));
        assertTrue(e.getMessage().contains("PROCESSED"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> n.markIgnored("late", MUCH_LATER));
        assertThrows(IllegalStateException.class, () -> n.markProcessed(MUCH_LATER));
        assertEquals(1, n.attempts());
    }

    @Test
    void anIgnoredNotificationKeepsItsReasonAndIsFinal() {
        InboundNotification n = received();
        n.markIgnored("unknown event code REPORT_AVAILABLE", LATER);
        assertEquals(ProcessingStatus.IGNORED, n.status());
        assertEquals(Optional.of("unknown event code REPORT_AVAILABLE"), n.statusReason());
        assertFalse(n.isAwaitingProcessing());
        assertThrows(IllegalStateException.class, () -> n.markProcessed(MUCH_LATER));
    }

    @Test
    void aFailedNotificationIsTriedAgainAndMaySucceed() {
        InboundNotification n = received();
        n.markFailed("transaction store unavailable", LATER);
        assertEquals(ProcessingStatus.FAILED, n.status());
        assertEquals(Optional.of("transaction store unavailable"), n.statusReason());
        assertTrue(n.isAwaitingProcessing());

        n.markFailed("still unavailable", MUCH_LATER);
        assertEquals(2, n.attempts());
        assertEquals(Optional.of("still unavailable"), n.statusReason());

        n.markProcessed(MUCH_LATER.plusSeconds(60));
        assertEquals(ProcessingStatus.PROCESSED, n.status());
        assertEquals(3, n.attempts());
        assertEquals(Optional.empty(), n.statusReason());
    }

    @Test
    void aFailedNotificationStopsAwaitingWhenItsAttemptsRunOut() {
        InboundNotification n = received();
        for (int i = 1; i < InboundNotification.MAX_PROCESSING_ATTEMPTS; i++) {
            n.markFailed("attempt " + i, LATER.plusSeconds(i));
            assertTrue(n.isAwaitingProcessing(), "after attempt " + i);
        }
        n.markFailed("last attempt", MUCH_LATER);
        assertEquals(InboundNotification.MAX_PROCESSING_ATTEMPTS, n.attempts());
        assertFalse(n.isAwaitingProcessing());
        n.markProcessed(MUCH_LATER.plusSeconds(1)); // staff may still replay it
        assertEquals(ProcessingStatus.PROCESSED, n.status());
    }

    @Test
    void aNotificationThatFailedVerificationIsStoredButNeverApplied() {
        InboundNotification n = received(VerificationResult.failed("HMAC signature mismatch"));
        assertEquals(ProcessingStatus.IGNORED, n.status());
        assertEquals(Optional.of("verification failed: HMAC signature mismatch"), n.statusReason());
        assertFalse(n.isAwaitingProcessing());
        assertThrows(IllegalStateException.class, () -> n.markProcessed(LATER));
        assertThrows(IllegalArgumentException.class, () -> InboundNotification.reconstitute("n-1", ProviderId.ADYEN,
            new NotificationKey("k"), null, null, new byte[0], NotificationHeaders.none(), RECEIVED,
            VerificationResult.failed("HMAC signature mismatch"), ProcessingStatus.PROCESSED, null, 1, LATER, null, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void reasonsMustSaySomething(String reason) {
        InboundNotification n = received();
        assertThrows(IllegalArgumentException.class, () -> n.markFailed(reason, LATER));
        assertThrows(IllegalArgumentException.class, () -> n.markIgnored(reason, LATER));
        assertThrows(IllegalArgumentException.class, () -> n.markIgnored(null, LATER));
        assertEquals(ProcessingStatus.RECEIVED, n.status());
    }

    @Test
    void longErrorsAreShortenedRatherThanLost() {
        InboundNotification n = received();
        n.markFailed("x".repeat(5000), LATER);
        String reason = n.statusReason().orElseThrow();
        assertEquals(InboundNotification.MAX_STATUS_REASON_LENGTH, reason.length());
        assertTrue(reason.endsWith("…"));
    }

    @Test
    void identifiersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> InboundNotification.register(" ", ProviderId.ADYEN,
            new NotificationKey("k"), null, null, new byte[0], NotificationHeaders.none(), VerificationResult.verified(), RECEIVED));
        assertThrows(IllegalArgumentException.class, () -> InboundNotification.register("n-1", ProviderId.ADYEN,
            new NotificationKey("k"), "m".repeat(37), null, new byte[0], NotificationHeaders.none(), VerificationResult.verified(), RECEIVED));
        assertThrows(IllegalArgumentException.class, () -> InboundNotification.register("n-1", ProviderId.ADYEN,
            new NotificationKey("k"), "m-1", "", new byte[0], NotificationHeaders.none(), VerificationResult.verified(), RECEIVED));
        assertThrows(NullPointerException.class, () -> InboundNotification.register("n-1", null,
            new NotificationKey("k"), "m-1", null, new byte[0], NotificationHeaders.none(), VerificationResult.verified(), RECEIVED));
        assertThrows(NullPointerException.class, () -> InboundNotification.register("n-1", ProviderId.ADYEN,
            new NotificationKey("k"), "m-1", null, null, NotificationHeaders.none(), VerificationResult.verified(), RECEIVED));
    }

    @Test
    void storedStatesMustBeConsistent() {
        assertThrows(IllegalArgumentException.class, () -> stored(ProcessingStatus.FAILED, null, 1));
        assertThrows(IllegalArgumentException.class, () -> stored(ProcessingStatus.PROCESSED, "why", 1));
        assertThrows(IllegalArgumentException.class, () -> stored(ProcessingStatus.RECEIVED, null, 1));
        assertThrows(IllegalArgumentException.class, () -> stored(ProcessingStatus.FAILED, "boom", -1));
        assertEquals(3, stored(ProcessingStatus.FAILED, "boom", 3).attempts());
    }

    @Test
    void onlyANotificationThatNoLongerAwaitsProcessingCanHaveARedactedBody() {
        InboundNotification processed = InboundNotification.reconstitute("n-1", ProviderId.ANNANOW, new NotificationKey("k"),
            null, null, new byte[0], NotificationHeaders.none(), RECEIVED, VerificationResult.notRequired(),
            ProcessingStatus.PROCESSED, null, 1, LATER, null, MUCH_LATER, 2);
        assertEquals(Optional.of(MUCH_LATER), processed.redactedAt());
        assertEquals(Optional.empty(), received().redactedAt());
        assertThrows(IllegalArgumentException.class, () -> InboundNotification.reconstitute("n-1", ProviderId.ANNANOW,
            new NotificationKey("k"), null, null, new byte[0], NotificationHeaders.none(), RECEIVED,
            VerificationResult.notRequired(), ProcessingStatus.FAILED, "boom", 1, LATER, null, MUCH_LATER, 2));
    }

    private static InboundNotification stored(ProcessingStatus status, String reason, int attempts) {
        return InboundNotification.reconstitute("n-1", ProviderId.ANNANOW, new NotificationKey("k"), null, null,
            new byte[0], NotificationHeaders.none(), RECEIVED, VerificationResult.notRequired(), status, reason,
            attempts, status == ProcessingStatus.RECEIVED ? null : LATER, null, 4);
    }

    @Test
    void toStringShowsNeitherBodyNorHeaders() {
        String text = received().toString();
        assertFalse(text.contains("live"), text);
        assertFalse(text.contains("dXNlcjpwYXNz"), text);
        assertTrue(text.contains("adyen"), text);
    }

    @Test
    void keysAreBoundedAndNotBlank() {
        assertEquals("a".repeat(200), new NotificationKey("a".repeat(200)).value());
        assertThrows(IllegalArgumentException.class, () -> new NotificationKey("a".repeat(201)));
        assertThrows(IllegalArgumentException.class, () -> new NotificationKey(" "));
        assertThrows(IllegalArgumentException.class, () -> new NotificationKey(null));
    }

    @Test
    void onlyFailedVerificationsHaveAReason() {
        assertEquals(Optional.of("expired timestamp"), VerificationResult.failed("expired timestamp").reason());
        assertEquals(Optional.empty(), VerificationResult.verified().reason());
        assertThrows(IllegalArgumentException.class, () -> VerificationResult.failed(" "));
        assertThrows(IllegalArgumentException.class,
            () -> new VerificationResult(VerificationResult.Outcome.VERIFIED, "but why"));
    }
}
