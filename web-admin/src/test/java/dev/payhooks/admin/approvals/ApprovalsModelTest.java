package dev.payhooks.admin.approvals;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.application.approvals.ApprovalPolicy;
import dev.payhooks.application.approvals.DecideApprovals;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.RecordingEventLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalsModelTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final ConsoleFixture console = new ConsoleFixture(T0);
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final ApprovalsModel model = new ApprovalsModel();
    final ReplayDeliveries replays;

    ApprovalsModelTest() {
        List<Delivery> dead = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Delivery delivery = Delivery.schedule("d" + i, new EventId(String.format("%064d", i)), "s1", "m-1", T0);
            delivery.abandon("the schedule ran out", T0);
            deliveries.add(delivery);
            dead.add(delivery);
        }
        replays = new ReplayDeliveries(new InMemoryOutbox(), deliveries, new RecordingEventLog().answering("m-1", dead),
            new InMemoryWebhookSubscriptions(), null, console.clock, console.fourEyes());
        console.withSignedIn(model);
        model.decisions = new DecideApprovals(console.approvals, replays, console.recorder, console.clock);
        model.policy = new ApprovalPolicy(console.merchants, console.recorder);
        model.replays = replays;
        model.clock = console.clock;
        for (String name : List.of("alice", "bob")) {
            console.verified.put(name, T0);
        }
    }

    /** An administrator turns four-eyes on above 2; alice's replay of 3 waits. */
    String heldByAlice() {
        console.signIn("bob", "ADMINISTRATOR");
        model.setBulkReplayThreshold(Optional.of(2));
        console.signIn("alice", "DEVELOPER");
        ReplayDeliveries.BulkReplay done = replays.replayMatching(console.signedIn.caller(), EventLog.Filter.none());
        assertTrue(ReplayOutcome.text(done).startsWith("Waiting for approval: 3 deliveries"), ReplayOutcome.text(done));
        return done.awaitingApproval().orElseThrow().id();
    }

    @Test
    void theRequesterSeesTheirRequestWithoutTheButtonsAndIsRefused() {
        String id = heldByAlice();

        ApprovalRow row = model.requests().get(0);
        assertEquals("alice", row.requestedBy());
        assertEquals("PENDING", row.status());
        assertEquals(3, row.deliveriesNow());
        assertFalse(row.decidable());
        NotAllowed refused = assertThrows(NotAllowed.class, () -> model.approve(id));
        assertTrue(refused.getMessage().contains("alice asked for this one"), refused.getMessage());
    }

    @Test
    void aViewerIsToldTheirRoleOnlyLooks() {
        String id = heldByAlice();
        console.signIn("victor", "VIEWER");

        assertFalse(model.requests().get(0).decidable());
        assertEquals(NotAllowed.LOOK_NOT_CHANGE, assertThrows(NotAllowed.class, () -> model.reject(id)).getMessage());
    }

    @Test
    void anotherMemberApprovesAndTheRowShowsWhoAndWhatRan() {
        String id = heldByAlice();
        console.signIn("bob", "ADMINISTRATOR");
        assertTrue(model.requests().get(0).decidable());

        model.approve(id);

        ApprovalRow row = model.requests().get(0);
        assertEquals("APPROVED", row.status());
        assertEquals("bob", row.decidedBy());
        assertEquals("3 deliveries queued again", row.result());
        assertTrue(console.audit.all().stream().anyMatch(e -> e.action().equals("approval.approved") && e.actor().equals("bob")
            && e.detail().contains("requested by alice, approved by bob")));
    }

    @Test
    void aConfirmationSaysWhenTheReplayWillWait() {
        assertEquals("", ReplayOutcome.heldNote(Optional.empty(), 500));
        assertEquals("", ReplayOutcome.heldNote(Optional.of(2), 2));
        assertTrue(ReplayOutcome.heldNote(Optional.of(2), 3).contains("above your merchant's four-eyes threshold (2)"));
    }

    @Test
    void onlyAdministratorsSetTheThreshold() {
        console.signIn("alice", "DEVELOPER");
        assertFalse(model.mayAdminister());
        assertThrows(NotAllowed.class, () -> model.setBulkReplayThreshold(Optional.of(5)));
        assertEquals(Optional.empty(), model.bulkReplayThreshold());
    }
}
