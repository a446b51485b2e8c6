package dev.payhooks.persistence.approval;

import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.approval.ApprovalRequests;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link ApprovalRequests} on JPA. The caller owns the transaction. */
public class JpaApprovalRequests extends JpaRepository<ApprovalRequestEntity> implements ApprovalRequests {

    public JpaApprovalRequests(EntityManager em) {
        super(em, ApprovalRequestEntity.class);
    }

    @Override
    public Optional<ApprovalRequest> byId(String merchantId, String id) {
        return findOf(merchantId, id, e -> e.merchantId).map(JpaApprovalRequests::toDomain);
    }

    @Override
    public List<ApprovalRequest> newest(String merchantId, int limit) {
        return list(JpaApprovalRequests::toDomain, atLeastOne(limit),
            "select r from ApprovalRequestEntity r where r.merchantId = :merchant order by r.requestedAt desc, r.id desc",
            "merchant", merchantId);
    }

    @Override
    public void add(ApprovalRequest request) {
        ApprovalRequestEntity e = new ApprovalRequestEntity();
        e.id = request.id();
        e.merchantId = request.merchantId();
        e.kind = request.kind().name();
        EventLog.Filter filter = request.filter();
        e.filterEventType = filter.eventType().orElse(null);
        e.filterSubscriptionId = filter.subscriptionId().orElse(null);
        e.filterStatus = filter.status().map(Enum::name).orElse(null);
        e.filterFrom = filter.from().orElse(null);
        e.filterTo = filter.to().orElse(null);
        e.filterText = filter.text().orElse(null);
        e.withMissed = request.withMissed();
        e.summary = request.summary();
        e.deliveries = request.deliveries();
        e.requestedBy = request.requestedBy().name();
        e.requestedVia = request.requestedBy().source().name();
        e.requestedAt = request.requestedAt();
        decision(request, e);
        persist(e);
    }

    @Override
    public void update(ApprovalRequest request) {
        change(request.id(), request.version(), changedMeanwhile("approval request " + request.id()), e -> decision(request, e));
    }

    private static void decision(ApprovalRequest request, ApprovalRequestEntity e) {
        e.status = request.status().name();
        e.decidedBy = request.decidedBy().orElse(null);
        e.decidedAt = request.decidedAt().orElse(null);
        e.result = request.result();
    }

    private static ApprovalRequest toDomain(ApprovalRequestEntity e) {
        EventLog.Filter filter = new EventLog.Filter(Optional.ofNullable(e.filterEventType),
            Optional.ofNullable(e.filterSubscriptionId), Optional.ofNullable(e.filterStatus).map(DeliveryStatus::valueOf),
            Optional.ofNullable(e.filterFrom), Optional.ofNullable(e.filterTo), Optional.ofNullable(e.filterText));
        return ApprovalRequest.reconstitute(e.id, e.merchantId, ApprovalRequest.Kind.valueOf(e.kind), filter, e.withMissed,
            e.summary, e.deliveries, new Actor(e.requestedBy, Actor.Source.valueOf(e.requestedVia)), e.requestedAt,
            ApprovalRequest.Status.valueOf(e.status), e.decidedBy, e.decidedAt, e.result, e.version());
    }
}
