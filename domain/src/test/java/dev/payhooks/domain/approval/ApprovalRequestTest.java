package dev.payhooks.domain.approval;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.EventLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalRequestTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    static ApprovalRequest request() {
        return ApprovalRequest.bulkReplay("r1", "m1", EventLog.Filter.none(), false, "Replay of dead letters", 150,
            Actor.staff("alice"), T0);
    }

    @Test
    void aRequestIsPendingForTwentyFourHoursThenExpired() {
        ApprovalRequest request = request();
        assertEquals(ApprovalRequest.Status.PENDING, request.statusAt(T0.plusSeconds(24 * 3600 - 1)));
        assertEquals(ApprovalRequest.Status.EXPIRED, request.statusAt(T0.plusSeconds(24 * 3600)));
        assertThrows(IllegalTransition.class, () -> request.approve("bob", T0.plusSeconds(24 * 3600), "done"));
        assertEquals(ApprovalRequest.Status.PENDING, request.status(), "an expired request stays as stored");
    }

    @Test
    void anApprovalRecordsWhoAndWhatRanAndIsFinal() {
        ApprovalRequest request = request();
        request.approve("bob", T0.plusSeconds(60), "150 deliveries queued again");

        assertEquals(ApprovalRequest.Status.APPROVED, request.statusAt(T0.plusSeconds(48 * 3600)));
        assertEquals(Optional.of("bob"), request.decidedBy());
        assertEquals(Optional.of(T0.plusSeconds(60)), request.decidedAt());
        assertEquals("150 deliveries queued again", request.result());
        assertThrows(IllegalTransition.class, () -> request.reject("carol", T0.plusSeconds(120)));
        assertThrows(IllegalTransition.class, () -> request.approve("carol", T0.plusSeconds(120), "again"));
    }

    @Test
    void aRejectedRequestIsNotApprovedLater() {
        ApprovalRequest request = request();
        request.reject("bob", T0.plusSeconds(60));
        assertEquals(ApprovalRequest.Status.REJECTED, request.status());
        assertThrows(IllegalTransition.class, () -> request.approve("carol", T0.plusSeconds(120), "x"));
    }

    @Test
    void theRequesterIsKnownBySourceAndName() {
        ApprovalRequest request = request();
        assertTrue(request.requestedBy(Actor.staff("alice")));
        assertFalse(request.requestedBy(Actor.staff("bob")));
        assertFalse(request.requestedBy(new Actor("alice", Actor.Source.API)));
    }

    @Test
    void aFilterTooLongToKeepIsRefused() {
        EventLog.Filter longText = new EventLog.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of("x".repeat(201)));
        assertThrows(InvalidField.class, () -> ApprovalRequest.bulkReplay("r1", "m1", longText, false, "s", 1,
            Actor.staff("alice"), T0));
    }
}
