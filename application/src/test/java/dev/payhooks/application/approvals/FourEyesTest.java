package dev.payhooks.application.approvals;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.TestCallers;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.approval.InMemoryApprovalRequests;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.StaffRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four-eyes for bulk replays: held above the threshold, decided by a second staff member, audited with both names. */
class FourEyesTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final SteppingClock clock = new SteppingClock(T0);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryApprovalRequests requests = new InMemoryApprovalRequests();
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    /** Who the audit trail names: the caller of the step at hand. */
    Actor acting = Actor.staff("alice");
    final FourEyes fourEyes = new FourEyes(merchants, requests, () -> acting, trail.recorder(() -> acting, clock),
        new SequentialIds(), clock);
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final ReplayDeliveries replays = new ReplayDeliveries(new InMemoryOutbox(), deliveries, new DeadLetters(),
        subscriptions, new SequentialIds(), clock, fourEyes);
    final DecideApprovals decisions = new DecideApprovals(requests, replays, trail.recorder(() -> acting, clock), clock);
    final ApprovalPolicy policy = new ApprovalPolicy(merchants, trail.recorder(() -> acting, clock));

    final Caller.Staff alice = staff("alice", StaffRole.DEVELOPER, "m1");
    final Caller.Staff bob = staff("bob", StaffRole.ADMINISTRATOR, "m1");

    /** The event log's dead letters, read from the deliveries. */
    final class DeadLetters implements EventLog {
        @Override
        public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
            throw new AssertionError("not used");
        }

        @Override
        public List<Delivery> deliveries(String merchantId, Filter filter, int max) {
            return deliveries.all().stream().filter(d -> d.merchantId().equals(merchantId))
                .filter(d -> filter.status().map(d.status()::equals).orElse(true)).limit(max).toList();
        }

        @Override
        public List<OutboundEvent> missedBy(String merchantId, String subscriptionId, Set<String> eventTypes, Filter filter,
                                            int max) {
            return List.of();
        }
    }

    FourEyesTest() {
        merchants.add(Merchant.register("m1", "Shop", "aaaaaaaaaaaaaaa", T0));
        merchants.add(Merchant.register("m2", "Other", "bbbbbbbbbbbbbbb", T0));
        for (int i = 0; i < 5; i++) {
            dead("m1", i);
        }
        dead("m2", 9);
    }

    void dead(String merchantId, int n) {
        Delivery delivery = Delivery.schedule("d" + n, new EventId(String.format("%064d", n)), "s1", merchantId, T0);
        delivery.abandon("the schedule ran out", T0);
        deliveries.add(delivery);
    }

    static Caller.Staff staff(String name, StaffRole role, String merchantId) {
        return new Caller.Staff(name, Set.of(role), true, Optional.of(T0), merchantId, false);
    }

    void threshold(Integer above) {
        acting = Actor.staff("bob");
        policy.setBulkReplayThreshold(bob, Optional.ofNullable(above));
        acting = Actor.staff("alice");
    }

    ApprovalRequest held() {
        ReplayDeliveries.BulkReplay asked = replays.replayMatching(alice, EventLog.Filter.none());
        assertEquals(0, asked.replayed());
        assertEquals(0, deliveries.count(DeliveryStatus.PENDING), "nothing runs while it waits");
        return asked.awaitingApproval().orElseThrow();
    }

    long pending() {
        return deliveries.count(DeliveryStatus.PENDING);
    }

    @Test
    void withFourEyesOffABulkReplayRunsAtOnce() {
        ReplayDeliveries.BulkReplay done = replays.replayMatching(alice, EventLog.Filter.none());

        assertEquals(5, done.replayed());
        assertTrue(done.awaitingApproval().isEmpty());
        assertEquals(List.of(), requests.newest("m1", 10));
        AuditEntry entry = trail.all().get(trail.all().size() - 1);
        assertEquals("replay.bulk", entry.action());
        assertEquals("alice", entry.actor());
        assertEquals("Replay of dead letters; 5 deliveries queued again", entry.detail());
        assertEquals("m1", entry.merchantId());

        int entries = trail.all().size();
        assertEquals(0, replays.replayMatching(alice, EventLog.Filter.none()).replayed(), "nothing left to replay");
        assertEquals(entries, trail.all().size(), "a replay that found nothing leaves no entry");
    }

    @Test
    void aReplayOfJustTheThresholdRunsAndOneAboveWaits() {
        threshold(5);
        assertEquals(5, replays.replayMatching(alice, EventLog.Filter.none()).replayed());

        dead("m1", 5);
        dead("m1", 6);
        threshold(1);
        ReplayDeliveries.BulkReplay asked = replays.replayMatching(alice, EventLog.Filter.none());
        assertEquals(0, asked.replayed());
        assertEquals(5, pending(), "the two new dead letters wait");
        ApprovalRequest request = asked.awaitingApproval().orElseThrow();
        assertEquals(2, request.deliveries());
        assertEquals(ApprovalRequest.Status.PENDING, request.status());
        assertEquals(new Actor("alice", Actor.Source.CONSOLE), request.requestedBy());
        assertEquals("Replay of dead letters", request.summary());
        AuditEntry entry = trail.all().get(trail.all().size() - 1);
        assertEquals("approval.requested", entry.action());
        assertEquals("alice", entry.actor());
        assertTrue(entry.detail().contains("2 deliveries, above the threshold of 1"), entry.detail());
    }

    @Test
    void theRequestSaysWhatItReplaysNamingTheWebhook() {
        subscriptions.add(WebhookSubscription.create("s1", "m1", "Orders", HookUrl.parse("https://shop.example/h", true),
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, T0));
        threshold(3);
        EventLog.Filter filter = new EventLog.Filter(Optional.of("ach.failed"), Optional.of("s1"), Optional.empty(),
            Optional.of(T0.minusSeconds(60)), Optional.empty(), Optional.of("order-7"));

        ApprovalRequest request = replays.replayMatching(alice, EventLog.Filter.none().withStatus(DeliveryStatus.DEAD))
            .awaitingApproval().orElseThrow();
        assertEquals("Replay of DEAD deliveries", request.summary());
        assertEquals("Replay of dead letters, type ach.failed, webhook Orders (s1), from 2026-12-07T09:59:00Z, matching “order-7”",
            replaysSummary(filter));
    }

    /** The summary a held replay of {@code filter} gets (every dead letter here matches: the log ignores type and text). */
    String replaysSummary(EventLog.Filter filter) {
        return replays.replayMatching(alice, filter).awaitingApproval().orElseThrow().summary();
    }

    @Test
    void anotherStaffMemberApprovesAndTheReplayRunsWithTheStoredFilterAuditedWithBothNames() {
        threshold(3);
        ApprovalRequest request = held();
        dead("m1", 7); // one more dead letter by the time of the approval: counted again

        acting = Actor.staff("bob");
        clock.advance(Duration.ofHours(2));
        ApprovalRequest approved = decisions.approve(bob, request.id());

        assertEquals(6, pending());
        assertEquals(ApprovalRequest.Status.APPROVED, approved.status());
        assertEquals(Optional.of("bob"), approved.decidedBy());
        assertEquals("6 deliveries queued again", approved.result());
        AuditEntry entry = trail.all().get(trail.all().size() - 1);
        assertEquals("approval.approved", entry.action());
        assertEquals("bob", entry.actor());
        assertTrue(entry.detail().contains("requested by alice, approved by bob"), entry.detail());
        assertEquals(ApprovalRequest.Status.APPROVED, requests.byId("m1", request.id()).orElseThrow().status());
    }

    @Test
    void theRequesterCannotApproveOrRejectTheirOwnRequest() {
        threshold(3);
        ApprovalRequest request = held();

        assertThrows(NotPermitted.class, () -> decisions.approve(alice, request.id()));
        assertThrows(NotPermitted.class, () -> decisions.reject(alice, request.id()));
        assertEquals(0, pending());
    }

    @Test
    void viewersApiKeysAndMembersWithoutTheSecondFactorPassedCannotDecide() {
        threshold(3);
        ApprovalRequest request = held();
        ApiKey key = ApiKey.issue("k1", "m1", "erp", "phk_" + "a".repeat(40), new SealedSecret("sealed"), T0);

        assertThrows(NotPermitted.class, () -> decisions.approve(TestCallers.viewer("m1"), request.id()));
        assertThrows(NotPermitted.class, () -> decisions.approve(new Caller.ApiClient(key), request.id()));
        assertThrows(NotPermitted.class, () -> decisions.approve(TestCallers.administrator("m1"), request.id()),
            "no second factor passed in this session");
        assertEquals(0, pending());
    }

    @Test
    void anotherMerchantsRequestIsNotFound() {
        threshold(3);
        ApprovalRequest request = held();

        assertThrows(NotFound.class, () -> decisions.approve(staff("bob", StaffRole.ADMINISTRATOR, "m2"), request.id()));
        assertEquals(0, pending());
    }

    @Test
    void aRequestRunsOnceWhenTwoApproveAtOnceAndIsNotDecidedAgain() {
        threshold(3);
        ApprovalRequest request = held();
        Caller.Staff carol = staff("carol", StaffRole.DEVELOPER, "m1");
        ApprovalRequest readByCarol = requests.byId("m1", request.id()).orElseThrow();

        acting = Actor.staff("bob");
        decisions.approve(bob, request.id());
        assertThrows(IllegalTransition.class, () -> decisions.approve(carol, request.id()));
        assertThrows(IllegalTransition.class, () -> decisions.reject(carol, request.id()));
        // carol's approval read the request before bob's was stored: its store is refused, so it ran once
        readByCarol.approve("carol", clock.instant(), "again");
        assertThrows(Conflict.class, () -> requests.update(readByCarol));
        assertEquals(Optional.of("bob"), requests.byId("m1", request.id()).orElseThrow().decidedBy());
    }

    @Test
    void aRejectedRequestReplaysNothing() {
        threshold(3);
        ApprovalRequest request = held();

        acting = Actor.staff("bob");
        assertEquals(ApprovalRequest.Status.REJECTED, decisions.reject(bob, request.id()).status());

        assertEquals(0, pending());
        AuditEntry entry = trail.all().get(trail.all().size() - 1);
        assertEquals("approval.rejected", entry.action());
        assertTrue(entry.detail().contains("requested by alice, rejected by bob"), entry.detail());
    }

    @Test
    void anExpiredRequestIsNotDecided() {
        threshold(3);
        ApprovalRequest request = held();

        clock.advance(ApprovalRequest.LIFETIME);
        assertThrows(IllegalTransition.class, () -> decisions.approve(bob, request.id()));
        assertEquals(ApprovalRequest.Status.EXPIRED, decisions.recent(bob).get(0).statusAt(clock.instant()));
        assertEquals(0, pending());
    }

    @Test
    void administratorsAndApiKeysSetTheThresholdAndLooseningItIsAuditedAsSuch() {
        ApiKey key = ApiKey.issue("k1", "m1", "erp", "phk_" + "a".repeat(40), new SealedSecret("sealed"), T0);
        assertThrows(NotPermitted.class, () -> policy.setBulkReplayThreshold(alice, Optional.of(10)), "developers do not");

        policy.setBulkReplayThreshold(new Caller.ApiClient(key), Optional.of(10));
        policy.setBulkReplayThreshold(bob, Optional.of(5));
        policy.setBulkReplayThreshold(bob, Optional.of(50));
        policy.setBulkReplayThreshold(bob, Optional.empty());
        policy.setBulkReplayThreshold(bob, Optional.empty());

        assertEquals(Optional.empty(), policy.bulkReplayThreshold(bob));
        assertEquals(List.of("approval.policy.changed", "approval.policy.changed", "approval.policy.loosened",
            "approval.policy.loosened"), trail.all().stream().map(AuditEntry::action).toList());
        assertEquals("was on above 50 deliveries, now off", trail.all().get(3).detail());
    }
}
