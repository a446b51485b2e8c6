package dev.payhooks.persistence.approval;

import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.merchant.JpaMerchants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JpaApprovalRequestsTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final EventLog.Filter FILTER = new EventLog.Filter(Optional.of("transaction.sale.success"), Optional.of("s1"),
        Optional.of(DeliveryStatus.SUCCEEDED), Optional.of(T0.minusSeconds(3600)), Optional.of(T0), Optional.of("order-7"));

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static ApprovalRequest request(String id, String merchantId, Instant at) {
        return ApprovalRequest.bulkReplay(id, merchantId, FILTER, true, "Replay of SUCCEEDED deliveries", 150,
            Actor.apiKey("erp", "k1"), at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRequestKeepsItsFilterAndItsDecisionIsStoredOnce(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                JpaApprovalRequests requests = new JpaApprovalRequests(em);
                requests.add(request("r1", "m1", T0));
                requests.add(request("r2", "m1", T0.plusSeconds(60)));
                requests.add(request("r3", "m2", T0.plusSeconds(120)));
            });

            ApprovalRequest found = db.query(em -> new JpaApprovalRequests(em).byId("m1", "r1").orElseThrow());
            assertEquals(FILTER, found.filter());
            assertEquals(true, found.withMissed());
            assertEquals(150, found.deliveries());
            assertEquals(Actor.apiKey("erp", "k1"), found.requestedBy());
            assertEquals(ApprovalRequest.Status.PENDING, found.status());
            assertEquals(Optional.empty(), db.query(em -> new JpaApprovalRequests(em).byId("m2", "r1")), "another merchant's");
            assertEquals(List.of("r2", "r1"), db.query(em -> new JpaApprovalRequests(em).newest("m1", 10)).stream()
                .map(ApprovalRequest::id).toList());

            ApprovalRequest first = db.query(em -> new JpaApprovalRequests(em).byId("m1", "r1").orElseThrow());
            ApprovalRequest second = db.query(em -> new JpaApprovalRequests(em).byId("m1", "r1").orElseThrow());
            first.approve("bob", T0.plusSeconds(300), "150 deliveries queued again");
            db.run(em -> new JpaApprovalRequests(em).update(first));
            second.approve("carol", T0.plusSeconds(301), "again");
            assertThrows(Conflict.class, () -> db.run(em -> new JpaApprovalRequests(em).update(second)));

            ApprovalRequest decided = db.query(em -> new JpaApprovalRequests(em).byId("m1", "r1").orElseThrow());
            assertEquals(ApprovalRequest.Status.APPROVED, decided.status());
            assertEquals(Optional.of("bob"), decided.decidedBy());
            assertEquals(Optional.of(T0.plusSeconds(300)), decided.decidedAt());
            assertEquals("150 deliveries queued again", decided.result());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMerchantKeepsItsFourEyesThreshold(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.run(em -> new JpaMerchants(em).add(Merchant.register("m1", "Shop", "aaaaaaaaaaaaaaa", T0)));
            assertEquals(Optional.empty(), db.query(em -> new JpaMerchants(em).byId("m1").orElseThrow()).bulkReplayApprovalAbove());
            db.run(em -> {
                JpaMerchants merchants = new JpaMerchants(em);
                Merchant m1 = merchants.byId("m1").orElseThrow();
                m1.requireApprovalForBulkReplaysAbove(Optional.of(100));
                merchants.update(m1);
            });
            assertEquals(Optional.of(100), db.query(em -> new JpaMerchants(em).byId("m1").orElseThrow()).bulkReplayApprovalAbove());
        }
    }
}
