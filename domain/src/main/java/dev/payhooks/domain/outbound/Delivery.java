package dev.payhooks.domain.outbound;

import dev.payhooks.domain.StampedAggregate;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.domain.outbound.RetryPolicy.Decision;
import dev.payhooks.domain.outbound.RetryPolicy.DeadLetter;
import dev.payhooks.domain.outbound.RetryPolicy.DisableSubscription;
import dev.payhooks.domain.outbound.RetryPolicy.RetryAfterDelay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The delivery of one outbound event to one subscription, with every attempt. Attempts are
 * numbered across replays, so the log never loses one; the retry schedule counts only the
 * attempts of the current round.
 */
public final class Delivery extends StampedAggregate {

    private final String id;
    private final EventId eventId;
    private final String subscriptionId;
    private final String merchantId;
    private DeliveryStatus status;
    private Instant nextAttemptAt;
    private int attemptsThisRound;
    private String deadReason;
    private final List<DeliveryAttempt> attempts;

    private Delivery(String id, EventId eventId, String subscriptionId, String merchantId, DeliveryStatus status,
                     Instant nextAttemptAt, int attemptsThisRound, String deadReason, List<DeliveryAttempt> attempts,
                     Instant createdAt, Instant updatedAt, long version) {
        super(createdAt, updatedAt, version);
        this.id = Objects.requireNonNull(id, "id");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.status = Objects.requireNonNull(status, "status");
        this.nextAttemptAt = nextAttemptAt;
        this.attemptsThisRound = attemptsThisRound;
        this.deadReason = deadReason;
        this.attempts = new ArrayList<>(attempts);
        if (status == DeliveryStatus.PENDING && nextAttemptAt == null) {
            throw new IllegalArgumentException("a pending delivery has a next attempt time");
        }
    }

    /** A new delivery, due at once (the schedule's first attempt is immediate). */
    public static Delivery schedule(String id, EventId eventId, String subscriptionId, String merchantId, Instant at) {
        return new Delivery(id, eventId, subscriptionId, merchantId, DeliveryStatus.PENDING, at, 0, null, List.of(), at, at, 0);
    }

    public static Delivery reconstitute(String id, EventId eventId, String subscriptionId, String merchantId,
                                        DeliveryStatus status, Instant nextAttemptAt, int attemptsThisRound,
                                        String deadReason, List<DeliveryAttempt> attempts, Instant createdAt,
                                        Instant updatedAt, long version) {
        return new Delivery(id, eventId, subscriptionId, merchantId, status, nextAttemptAt, attemptsThisRound, deadReason,
            attempts, createdAt, updatedAt, version);
    }

    public boolean dueAt(Instant now) {
        return status == DeliveryStatus.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** The number the next attempt will carry in the log. */
    public int nextAttemptNumber() {
        return attempts.size() + 1;
    }

    /** Records a 2xx answer. */
    public void succeeded(DeliveryAttempt attempt) {
        requirePending("record a success");
        requireNumber(attempt);
        attempts.add(attempt);
        attemptsThisRound++;
        status = DeliveryStatus.SUCCEEDED;
        nextAttemptAt = null;
        updatedAt(attempt.startedAt().plus(attempt.latency()));
    }

    /**
     * Records a failed attempt and decides what comes next. A {@link DisableSubscription}
     * decision leaves this delivery dead; the caller disables the subscription.
     */
    public Decision failed(DeliveryAttempt attempt, AttemptFailure failure, RetryPolicy policy, DoubleSupplier random) {
        requirePending("record a failure");
        requireNumber(attempt);
        attempts.add(attempt);
        attemptsThisRound++;
        Instant finishedAt = attempt.startedAt().plus(attempt.latency());
        Decision decision = policy.afterFailure(attemptsThisRound, failure, random);
        if (decision instanceof RetryAfterDelay retry) {
            nextAttemptAt = finishedAt.plus(retry.delay());
        } else {
            status = DeliveryStatus.DEAD;
            nextAttemptAt = null;
            deadReason = decision instanceof DeadLetter dead ? dead.reason() : ((DisableSubscription) decision).reason();
        }
        updatedAt(finishedAt);
        return decision;
    }

    /** Gives up without another attempt (the subscription was disabled or deleted). */
    public void abandon(String reason, Instant at) {
        requirePending("abandon");
        status = DeliveryStatus.DEAD;
        nextAttemptAt = null;
        deadReason = reason;
        updatedAt(at);
    }

    /** Sends the event again from the start of the schedule; the earlier attempts stay in the log. */
    public void replay(Instant at) {
        if (status == DeliveryStatus.PENDING) {
            throw new IllegalTransition("delivery " + id, status.name(), "replay", "wait for the next attempt");
        }
        status = DeliveryStatus.PENDING;
        nextAttemptAt = at;
        attemptsThisRound = 0;
        deadReason = null;
        updatedAt(at);
    }

    private void requirePending(String what) {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalTransition("delivery " + id, status.name(), what, "replay");
        }
    }

    private void requireNumber(DeliveryAttempt attempt) {
        if (attempt.number() != nextAttemptNumber()) {
            throw new IllegalArgumentException("attempt " + attempt.number() + " out of order; expected " + nextAttemptNumber());
        }
    }

    public String id() { return id; }
    public EventId eventId() { return eventId; }
    public String subscriptionId() { return subscriptionId; }
    public String merchantId() { return merchantId; }
    public DeliveryStatus status() { return status; }
    public Optional<Instant> nextAttemptAt() { return Optional.ofNullable(nextAttemptAt); }
    public int attemptsThisRound() { return attemptsThisRound; }
    public Optional<String> deadReason() { return Optional.ofNullable(deadReason); }
    public List<DeliveryAttempt> attempts() { return Collections.unmodifiableList(attempts); }
}
