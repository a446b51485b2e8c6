package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.EventLog;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The API's side of four-eyes: the replay answer with a held request, and the merchant's threshold field. */
class FourEyesApiTest {

    static JsonBody body(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHeldReplayAnswersZeroCountsAndThePendingRequest() {
        ApprovalRequest request = ApprovalRequest.bulkReplay("r1", "m1", EventLog.Filter.none(), false, "Replay of dead letters",
            150, Actor.apiKey("erp", "k1"), Instant.parse("2026-12-07T10:00:00Z"));

        JsonObject answer = EventsResource.replayAnswer(new ReplayDeliveries.BulkReplay(0, 0, Optional.of(request)));

        assertEquals(0, answer.getInt("replayed"));
        assertEquals(0, answer.getInt("missed"));
        JsonObject held = answer.getJsonObject("approvalRequest");
        assertEquals("r1", held.getString("id"));
        assertEquals("PENDING", held.getString("status"));
        assertEquals(150, held.getInt("deliveries"));
        assertEquals("erp (k1)", held.getString("requestedBy"));
        assertEquals("2026-12-08T10:00:00Z", held.getString("expiresAt"));
    }

    @Test
    void aReplayThatRanAnswersTheCountsAsBefore() {
        JsonObject answer = EventsResource.replayAnswer(new ReplayDeliveries.BulkReplay(3, 1, Optional.empty()));

        assertEquals(3, answer.getInt("replayed"));
        assertEquals(1, answer.getInt("missed"));
        assertFalse(answer.containsKey("approvalRequest"));
    }

    @Test
    void theThresholdIsAWholeNumberOrNullForOff() {
        assertEquals(Optional.of(100), MerchantResource.bulkReplayThreshold(body("{'approvalThresholds': {'bulkReplay': 100}}")));
        assertEquals(Optional.empty(), MerchantResource.bulkReplayThreshold(body("{'approvalThresholds': {'bulkReplay': null}}")));
        assertEquals(Optional.empty(), MerchantResource.bulkReplayThreshold(body("{'approvalThresholds': null}")));
        assertEquals("approvalThresholds.bulkReplay", assertThrows(InvalidField.class,
            () -> MerchantResource.bulkReplayThreshold(body("{'approvalThresholds': {'bulkReplay': 'many'}}"))).field());
        assertEquals("approvalThresholds.bulkReplay", assertThrows(InvalidField.class,
            () -> MerchantResource.bulkReplayThreshold(body("{'approvalThresholds': {}}"))).field());
        assertEquals("approvalThresholds.refunds", assertThrows(InvalidField.class,
            () -> MerchantResource.bulkReplayThreshold(body("{'approvalThresholds': {'refunds': 5}}"))).field());
    }
}
