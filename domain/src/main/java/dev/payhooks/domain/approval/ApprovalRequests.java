package dev.payhooks.domain.approval;

import java.util.List;
import java.util.Optional;

/** A merchant's approval requests (four-eyes). The caller owns the transaction. */
public interface ApprovalRequests {

    /** The merchant's request {@code id}; empty when there is none or it is another merchant's. */
    Optional<ApprovalRequest> byId(String merchantId, String id);

    /** The merchant's newest requests, at most {@code limit}, newest first. */
    List<ApprovalRequest> newest(String merchantId, int limit);

    void add(ApprovalRequest request);

    /** Stores a decision; refused ({@code Conflict}) when the request changed since it was read, so it runs once. */
    void update(ApprovalRequest request);
}
