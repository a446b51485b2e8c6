package dev.payhooks.domain.approval;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.Required;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.EventLog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A risky action held for a second staff member's approval (four-eyes): a bulk replay larger
 * than the merchant's threshold. It keeps what was asked ({@code filter}, {@code withMissed}), the
 * count seen then, who asked and when. Another staff member approves it (the action then runs
 * with the stored filter) or rejects it; undecided, it expires {@link #LIFETIME} after it was made.
 * Decided or expired, it is never decided again.
 */
public final class ApprovalRequest extends Aggregate {

    /** How long a request waits for a decision. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    public static final int MAX_SUMMARY = 300;
    public static final int MAX_RESULT = 300;

    public enum Kind { BULK_REPLAY }

    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }

    private final String id;
    private final String merchantId;
    private final Kind kind;
    private final EventLog.Filter filter;
    private final boolean withMissed;
    private final String summary;
    private final int deliveries;
    private final Actor requestedBy;
    private final Instant requestedAt;
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String result;

    private ApprovalRequest(String id, String merchantId, Kind kind, EventLog.Filter filter, boolean withMissed,
                            String summary, int deliveries, Actor requestedBy, Instant requestedAt, Status status,
                            String decidedBy, Instant decidedAt, String result, long version) {
        super(version);
        Required.nonNull("id, merchantId, kind, filter, requestedBy, requestedAt, status",
            id, merchantId, kind, filter, requestedBy, requestedAt, status);
        this.id = id;
        this.merchantId = merchantId;
        this.kind = kind;
        this.filter = storable(filter);
        this.withMissed = withMissed;
        this.summary = bounded(summary, MAX_SUMMARY);
        this.deliveries = deliveries;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = status;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.result = result == null ? "" : bounded(result, MAX_RESULT);
    }

    /** A bulk replay of what {@code filter} matches (and, with {@code withMissed}, the events its webhook missed), held. */
    public static ApprovalRequest bulkReplay(String id, String merchantId, EventLog.Filter filter, boolean withMissed,
                                             String summary, int deliveries, Actor requestedBy, Instant at) {
        return new ApprovalRequest(id, merchantId, Kind.BULK_REPLAY, filter, withMissed, summary, deliveries, requestedBy,
            at, Status.PENDING, null, null, null, 0);
    }

    public static ApprovalRequest reconstitute(String id, String merchantId, Kind kind, EventLog.Filter filter,
                                               boolean withMissed, String summary, int deliveries, Actor requestedBy,
                                               Instant requestedAt, Status status, String decidedBy, Instant decidedAt,
                                               String result, long version) {
        return new ApprovalRequest(id, merchantId, kind, filter, withMissed, summary, deliveries, requestedBy, requestedAt,
            status, decidedBy, decidedAt, result, version);
    }

    /** When an undecided request stops being decidable. */
    public Instant expiresAt() {
        return requestedAt.plus(LIFETIME);
    }

    /** The status at {@code now}: a pending request past {@link #expiresAt()} is expired. */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !now.isBefore(expiresAt()) ? Status.EXPIRED : status;
    }

    /** Whether {@code who} asked for it: nobody approves their own request. */
    public boolean requestedBy(Actor who) {
        return requestedBy.source() == who.source() && requestedBy.name().equals(who.name());
    }

    /** Records the approval by {@code approver} and what running the action did. */
    public void approve(String approver, Instant at, String outcome) {
        decide(Status.APPROVED, approver, at);
        this.result = bounded(outcome, MAX_RESULT);
    }

    public void reject(String rejecter, Instant at) {
        decide(Status.REJECTED, rejecter, at);
    }

    /** Throws unless it can still be decided at {@code at}. */
    public void requireDecidable(Instant at) {
        Status now = statusAt(at);
        if (now != Status.PENDING) {
            throw new IllegalTransition("approval request " + id, now.name().toLowerCase(java.util.Locale.ROOT),
                "decide it", "pending, within " + LIFETIME.toHours() + " h of the request");
        }
    }

    private void decide(Status decision, String by, Instant at) {
        requireDecidable(at);
        this.status = decision;
        this.decidedBy = Required.trimmedText(by, "decidedBy", AuditEntry.MAX_ACTOR);
        this.decidedAt = Objects.requireNonNull(at, "at");
    }

    /** A filter the request can keep: its event type and free text fit their columns. */
    private static EventLog.Filter storable(EventLog.Filter filter) {
        if (filter.eventType().filter(t -> t.length() > 100).isPresent()) {
            throw new InvalidField("type", "is longer than 100 characters");
        }
        if (filter.text().filter(t -> t.length() > 200).isPresent()) {
            throw new InvalidField("text", "is longer than 200 characters");
        }
        return filter;
    }

    private static String bounded(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max - 1) + "…" : value;
    }

    public String id() { return id; }
    public String merchantId() { return merchantId; }
    public Kind kind() { return kind; }
    public EventLog.Filter filter() { return filter; }
    public boolean withMissed() { return withMissed; }
    public String summary() { return summary; }
    public int deliveries() { return deliveries; }
    public Actor requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    /** The stored status; {@link #statusAt} tells whether a pending one expired. */
    public Status status() { return status; }
    public Optional<String> decidedBy() { return Optional.ofNullable(decidedBy); }
    public Optional<Instant> decidedAt() { return Optional.ofNullable(decidedAt); }
    public String result() { return result; }
}
