package dev.payhooks.domain.approval;

import dev.payhooks.domain.error.Conflict;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ApprovalRequests} in a map, for tests. Like the database it hands out copies and refuses
 * to store a change made from an older read (each update raises the version).
 */
public class InMemoryApprovalRequests implements ApprovalRequests {

    private final Map<String, ApprovalRequest> byId = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ApprovalRequest> byId(String merchantId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(r -> r.merchantId().equals(merchantId)).map(r -> copy(r, r.version()));
    }

    @Override
    public synchronized List<ApprovalRequest> newest(String merchantId, int limit) {
        return byId.values().stream().filter(r -> r.merchantId().equals(merchantId))
            .sorted(Comparator.comparing(ApprovalRequest::requestedAt).thenComparing(ApprovalRequest::id).reversed())
            .limit(limit).map(r -> copy(r, r.version())).toList();
    }

    @Override
    public synchronized void add(ApprovalRequest request) {
        byId.put(request.id(), copy(request, 0));
    }

    @Override
    public synchronized void update(ApprovalRequest request) {
        ApprovalRequest stored = byId.get(request.id());
        if (stored == null || stored.version() != request.version()) {
            throw new Conflict("approval request " + request.id() + " was changed or removed meanwhile");
        }
        byId.put(request.id(), copy(request, request.version() + 1));
    }

    private static ApprovalRequest copy(ApprovalRequest r, long version) {
        return ApprovalRequest.reconstitute(r.id(), r.merchantId(), r.kind(), r.filter(), r.withMissed(), r.summary(),
            r.deliveries(), r.requestedBy(), r.requestedAt(), r.status(), r.decidedBy().orElse(null),
            r.decidedAt().orElse(null), r.result(), version);
    }
}
