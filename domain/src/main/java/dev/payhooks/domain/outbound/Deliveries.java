package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.Conflict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All deliveries of outbound events, with their attempts. */
public interface Deliveries {

    /** Adds a new delivery; one per (event, subscription). */
    void add(Delivery delivery);

    /** Adds several new deliveries at once (an event's fan-out): one round trip where the store can batch. */
    default void addAll(List<Delivery> added) {
        added.forEach(this::add);
    }

    /** Stores new state and attempts (optimistic locking) and releases the worker's claim. */
    void update(Delivery delivery);

    /**
     * Stores deliveries that each gained exactly one attempt (and the state it led to) since they
     * were read, and releases their claims: many attempts in one transaction, in as few round
     * trips as the store allows. Returns those not stored because they were changed or removed
     * since that read (the caller records them again from a fresh read).
     */
    default List<Delivery> recordAttempts(List<Delivery> attempted) {
        List<Delivery> changedMeanwhile = new ArrayList<>();
        for (Delivery delivery : attempted) {
            try {
                update(delivery);
            } catch (Conflict conflict) {
                changedMeanwhile.add(delivery);
            }
        }
        return changedMeanwhile;
    }

    Optional<Delivery> byId(String merchantId, String id);

    List<Delivery> ofEvent(EventId eventId);

    /**
     * Gives a claimed, still pending delivery back without an attempt, due again at
     * {@code notBefore} (its endpoint was busy): it moves behind other endpoints' work.
     */
    void release(String id, Instant notBefore);

    /**
     * When the subscription's current run of failures began: its earliest failed attempt after its
     * latest successful one; empty if it is not failing (or never tried).
     */
    Optional<Instant> failingSince(String subscriptionId);

    /** How many deliveries (of all merchants) are in a status: the outbox depth and the dead letters. */
    long count(DeliveryStatus status);

    /**
     * Claims up to {@code limit} due deliveries for one worker until {@code now + lease}, oldest
     * due first. Rows another worker holds (claimed and not expired, or locked by a claim in
     * progress) are skipped, so several server instances never take the same delivery; a
     * worker that dies loses its claims when the lease runs out.
     *
     * <p>For a FIFO subscription only its oldest pending delivery (in scheduling order) can be
     * claimed: while it is in flight or waiting for a retry, later ones wait; once it succeeds
     * or is dead-lettered, the next one becomes claimable.
     *
     * <p>Deliveries of the subscriptions in {@code skipSubscriptions} are not claimed (the
     * worker has no room for them now).
     */
    List<Delivery> claimDue(Instant now, int limit, String worker, Duration lease, Set<String> skipSubscriptions);

    default List<Delivery> claimDue(Instant now, int limit, String worker, Duration lease) {
        return claimDue(now, limit, worker, lease, Set.of());
    }
}
