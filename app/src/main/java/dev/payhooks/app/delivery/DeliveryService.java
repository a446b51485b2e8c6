package dev.payhooks.app.delivery;

import dev.payhooks.adapters.outbound.DeliveryRequests.BasicCredentials;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryPacing;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.domain.outbound.RetryPolicy.Decision;
import dev.payhooks.domain.outbound.RetryPolicy.DisableSubscription;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.SigningKey;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The transactional steps of delivering: claim due deliveries together with what their
 * attempts need, and record each outcome. Each runs in its own short transaction; the HTTP
 * calls happen between them, outside any transaction.
 */
@ApplicationScoped
public class DeliveryService {

    /**
     * Everything one attempt needs, opened from the database when it was claimed, and when the
     * attempt may start (later than the claim only for a rate-limited subscription).
     */
    public record Prepared(Delivery delivery, OutboundEvent event, WebhookSubscription subscription,
                           Optional<BasicCredentials> basic, List<SigningKey> signingKeys, Instant startAt) { }

    /** What every delivery to one subscription needs; opened once per claim batch. */
    private record Endpoint(WebhookSubscription subscription, Optional<BasicCredentials> basic, List<SigningKey> signingKeys) { }

    @Inject
    Deliveries deliveries;

    @Inject
    Outbox outbox;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    ApiKeys apiKeys;

    @Inject
    ManageApiKeys manageApiKeys;

    @Inject
    ManageSignatureKeys signatureKeys;

    @Inject
    ManageAsymmetricSigningKeys asymmetricKeys;

    @Inject
    Secrets secrets;

    @Inject
    Clock clock;

    @Inject
    RetryPolicy policy;

    private final SecureRandom random = new SecureRandom();

    /**
     * Claims due deliveries and opens what their attempts need, in one transaction: the events (one query),
     * the subscriptions (one query per merchant), each one's Basic password and signing keys (once per
     * subscription in the batch; a merchant's signature keys once per batch). A delivery whose subscription was deleted or switched off is abandoned here. A
     * rate-limited subscription's deliveries get evenly spaced start slots up to
     * {@code horizon} ahead ({@link DeliveryPacing}); those without a slot go back, due at the
     * subscription's next free slot. Deliveries of {@code skipSubscriptions} (endpoints this
     * instance cannot take more for) are left alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Prepared> claim(int limit, String worker, Duration lease, Duration horizon, Set<String> skipSubscriptions) {
        Instant now = clock.instant();
        List<Delivery> due = deliveries.claimDue(now, limit, worker, lease, skipSubscriptions);
        Map<String, List<Delivery>> bySubscription = new LinkedHashMap<>();
        due.forEach(d -> bySubscription.computeIfAbsent(d.subscriptionId(), id -> new ArrayList<>()).add(d));
        List<Prepared> prepared = new ArrayList<>(due.size());
        Map<EventId, OutboundEvent> events = outbox.byIds(due.stream().map(Delivery::eventId).toList());
        Map<String, WebhookSubscription> enabled = enabledSubscriptions(due);
        Map<String, List<SigningKey>> merchantKeys = new HashMap<>();
        for (List<Delivery> group : bySubscription.values()) {
            Optional<WebhookSubscription> subscription = Optional.ofNullable(enabled.get(group.get(0).subscriptionId()));
            if (subscription.isEmpty()) {
                for (Delivery delivery : group) {
                    delivery.abandon("the subscription was deleted or disabled", now);
                    deliveries.update(delivery);
                }
                continue;
            }
            Endpoint endpoint = open(subscription.get(), merchantKeys);
            List<Instant> starts = startTimes(subscription.get(), group, now, horizon);
            for (int i = 0; i < starts.size(); i++) {
                Delivery delivery = group.get(i);
                OutboundEvent event = Objects.requireNonNull(events.get(delivery.eventId()), "event of a claimed delivery");
                prepared.add(new Prepared(delivery, event, endpoint.subscription(), endpoint.basic(), endpoint.signingKeys(),
                    starts.get(i)));
            }
        }
        return prepared;
    }

    /** The enabled subscriptions of the claimed deliveries by id: one query per merchant in the batch. */
    private Map<String, WebhookSubscription> enabledSubscriptions(List<Delivery> due) {
        Map<String, Set<String>> byMerchant = new LinkedHashMap<>();
        due.forEach(d -> byMerchant.computeIfAbsent(d.merchantId(), m -> new LinkedHashSet<>()).add(d.subscriptionId()));
        Map<String, WebhookSubscription> enabled = new HashMap<>();
        byMerchant.forEach((merchantId, ids) -> subscriptions.byIds(merchantId, ids).stream()
            .filter(WebhookSubscription::enabled)
            .forEach(s -> enabled.put(s.id(), s)));
        return enabled;
    }

    /** Now for every delivery, or paced slots for a rate-limited subscription (releasing those without one). */
    private List<Instant> startTimes(WebhookSubscription subscription, List<Delivery> group, Instant now, Duration horizon) {
        Optional<Integer> rate = subscription.delivery().rateLimit();
        if (rate.isEmpty()) {
            return group.stream().map(d -> now).toList();
        }
        Instant stored = subscriptions.lockNextDeliverySlot(subscription.id());
        DeliveryPacing.Plan plan = DeliveryPacing.plan(stored, now, rate.get(), group.size(), horizon);
        for (int i = plan.starts().size(); i < group.size(); i++) {
            deliveries.release(group.get(i).id(), plan.nextFreeSlot());
        }
        subscriptions.saveNextDeliverySlot(subscription.id(), plan.nextFreeSlot());
        return plan.starts();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postpone(Delivery claimed, Duration by) {
        deliveries.release(claimed.id(), clock.instant().plus(by));
    }

    /** {@code merchantKeys}: the merchants' opened signature keys, shared by their subscriptions in one claim. */
    private Endpoint open(WebhookSubscription s, Map<String, List<SigningKey>> merchantKeys) {
        Optional<BasicCredentials> basic = s.authentication() instanceof Authentication.Basic b
            ? Optional.of(new BasicCredentials(b.username(), secrets.open(b.password(), Authentication.passwordContext(s.id()))))
            : Optional.empty();
        return new Endpoint(s, basic, signingKeys(s, merchantKeys));
    }

    private List<SigningKey> signingKeys(WebhookSubscription s, Map<String, List<SigningKey>> merchantKeys) {
        if (s.signature() instanceof Signature.SourceKey sourceKey) {
            Optional<ApiKey> key = apiKeys.byId(s.merchantId(), sourceKey.apiKeyId()).filter(ApiKey::active);
            // a revoked Source Key signs nothing: the receiver then rejects, which is what revoking means
            return key.map(k -> List.of(SigningKey.ofSourceKey(manageApiKeys.reveal(k)))).orElse(List.of());
        }
        if (s.signature() instanceof Signature.MerchantKey) {
            return merchantKeys.computeIfAbsent(s.merchantId(), signatureKeys::keysToSignWith);
        }
        if (s.signature() instanceof Signature.PublicKey) {
            return asymmetricKeys.keysToSignWith(s.merchantId()).stream().map(SigningKey::ofEd25519).toList();
        }
        return List.of();
    }

    /**
     * One attempt's outcome applied to its claimed delivery in memory (the worker holds the claim,
     * so nobody else changes it meanwhile), waiting to be stored by {@link #record}; the failure
     * and the policy's decision when it failed.
     */
    public record Attempted(Delivery delivery, DeliveryAttempt attempt, AttemptFailure failure, Decision decision) {

        boolean success() {
            return failure == null;
        }
    }

    /** A 2xx answer to the claimed delivery, to be stored with {@link #record}. */
    public Attempted success(Delivery claimed, DeliveryAttempt attempt) {
        claimed.succeeded(attempt);
        return new Attempted(claimed, attempt, null, null);
    }

    /** A failed attempt of the claimed delivery and what the retry policy makes of it, to be stored with {@link #record}. */
    public Attempted failure(Delivery claimed, DeliveryAttempt attempt, AttemptFailure failure) {
        Decision decision = claimed.failed(attempt, failure, policy, random::nextDouble);
        return new Attempted(claimed, attempt, failure, decision);
    }

    /**
     * Stores many attempts' outcomes in one transaction ({@link Deliveries#recordAttempts}) and
     * releases their claims. Returns what was not stored because the delivery changed since its
     * claim (record each with {@link #succeeded} or {@link #failed}, which read it afresh) and the
     * subscriptions that failed in the batch, with the reason to switch one off where an answer
     * asked for it ({@link #disableIfFailing}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(List<Attempted> batch) {
        List<Delivery> changed = deliveries.recordAttempts(batch.stream().map(Attempted::delivery).toList());
        Set<Delivery> notStored = Collections.newSetFromMap(new IdentityHashMap<>());
        notStored.addAll(changed);
        List<Attempted> again = new ArrayList<>();
        Map<String, Failing> failing = new LinkedHashMap<>();
        for (Attempted a : batch) {
            if (notStored.contains(a.delivery())) {
                again.add(a);
            } else if (!a.success()) {
                Failing before = failing.get(a.delivery().subscriptionId());
                String reason = a.decision() instanceof DisableSubscription disable ? disable.reason()
                    : before == null ? null : before.disableReason().orElse(null);
                failing.put(a.delivery().subscriptionId(), new Failing(a.delivery().merchantId(), a.delivery().subscriptionId(),
                    Optional.ofNullable(reason)));
            }
        }
        return new Recorded(again, List.copyOf(failing.values()));
    }

    /** What {@link #record} leaves to do: attempts to record one by one, subscriptions to check. */
    public record Recorded(List<Attempted> changedMeanwhile, List<Failing> failing) { }

    /** A subscription with failed attempts in a batch; the reason to switch it off when an answer asked for that (410). */
    public record Failing(String merchantId, String subscriptionId, Optional<String> disableReason) { }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(Delivery claimed, DeliveryAttempt attempt) {
        Delivery delivery = deliveries.byId(claimed.merchantId(), claimed.id()).orElseThrow();
        delivery.succeeded(attempt);
        deliveries.update(delivery);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Decision failed(Delivery claimed, DeliveryAttempt attempt, AttemptFailure failure) {
        Delivery delivery = deliveries.byId(claimed.merchantId(), claimed.id()).orElseThrow();
        Decision decision = delivery.failed(attempt, failure, policy, random::nextDouble);
        deliveries.update(delivery);
        disableIfFailing(new Failing(delivery.merchantId(), delivery.subscriptionId(),
            decision instanceof DisableSubscription disable ? Optional.of(disable.reason()) : Optional.empty()));
        return decision;
    }

    /**
     * Switches the subscription off when an answer asked for it, or when it has been failing
     * without a single success for longer than the policy's auto-disable window. Joins the
     * caller's transaction, or runs in its own.
     */
    @Transactional
    public void disableIfFailing(Failing failing) {
        String disableReason = failing.disableReason()
            .or(() -> deliveries.failingSince(failing.subscriptionId()).filter(since -> policy.shouldAutoDisable(since, clock.instant()))
                .map(since -> "no successful delivery since " + since + " (failing for more than "
                    + policy.autoDisableAfter() + ")"))
            .orElse(null);
        if (disableReason != null) {
            subscriptions.byId(failing.merchantId(), failing.subscriptionId()).filter(WebhookSubscription::enabled).ifPresent(s -> {
                s.disable(disableReason, clock.instant());
                subscriptions.update(s);
            });
        }
    }
}
