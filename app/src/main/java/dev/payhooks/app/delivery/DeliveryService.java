package dev.payhooks.app.delivery;

import dev.payhooks.adapters.outbound.DeliveryRequests.BasicCredentials;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryPacing;
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
import dev.payhooks.domain.usecase.ManageApiKeys;
import dev.payhooks.domain.usecase.ManageSignatureKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactional steps of delivering: claim due deliveries, gather what one attempt needs,
 * and record its outcome. Each runs in its own short transaction; the HTTP call happens
 * between them, outside any transaction.
 */
@ApplicationScoped
public class DeliveryService {

    /** A claimed delivery and when its attempt may start (later than now only for a rate-limited subscription). */
    public record Claimed(Delivery delivery, Instant startAt) { }

    /** Everything one attempt needs, opened from the database. */
    public record Prepared(Delivery delivery, OutboundEvent event, WebhookSubscription subscription,
                           Optional<BasicCredentials> basic, List<SigningKey> signingKeys) { }

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
    Secrets secrets;

    @Inject
    Clock clock;

    @Inject
    RetryPolicy policy;

    private final SecureRandom random = new SecureRandom();

    /**
     * Claims due deliveries and gives each a start time. A rate-limited subscription's deliveries
     * get evenly spaced slots up to {@code horizon} ahead ({@link DeliveryPacing}); those without
     * a slot go back, due at the subscription's next free slot.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, String worker, Duration lease, Duration horizon) {
        Instant now = clock.instant();
        List<Delivery> due = deliveries.claimDue(now, limit, worker, lease);
        Map<String, List<Delivery>> bySubscription = new LinkedHashMap<>();
        due.forEach(d -> bySubscription.computeIfAbsent(d.subscriptionId(), id -> new ArrayList<>()).add(d));
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (List<Delivery> group : bySubscription.values()) {
            Delivery first = group.get(0);
            Optional<Integer> rate = subscriptions.byId(first.merchantId(), first.subscriptionId())
                .flatMap(s -> s.delivery().rateLimit());
            if (rate.isEmpty()) {
                group.forEach(d -> claimed.add(new Claimed(d, now)));
                continue;
            }
            Instant stored = subscriptions.lockNextDeliverySlot(first.subscriptionId());
            DeliveryPacing.Plan plan = DeliveryPacing.plan(stored, now, rate.get(), group.size(), horizon);
            for (int i = 0; i < group.size(); i++) {
                if (i < plan.starts().size()) {
                    claimed.add(new Claimed(group.get(i), plan.starts().get(i)));
                } else {
                    deliveries.release(group.get(i).id(), plan.nextFreeSlot());
                }
            }
            subscriptions.saveNextDeliverySlot(first.subscriptionId(), plan.nextFreeSlot());
        }
        return claimed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postpone(Delivery claimed, Duration by) {
        deliveries.release(claimed.id(), clock.instant().plus(by));
    }

    /** What the attempt needs; empty (and the delivery abandoned) when its subscription is gone or off. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Prepared> prepare(Delivery claimed) {
        Delivery delivery = deliveries.byId(claimed.merchantId(), claimed.id()).orElseThrow();
        Optional<WebhookSubscription> subscription = subscriptions.byId(delivery.merchantId(), delivery.subscriptionId())
            .filter(WebhookSubscription::enabled);
        OutboundEvent event = outbox.byId(delivery.eventId()).orElseThrow();
        if (subscription.isEmpty()) {
            delivery.abandon("the subscription was deleted or disabled", clock.instant());
            deliveries.update(delivery);
            return Optional.empty();
        }
        WebhookSubscription s = subscription.get();
        Optional<BasicCredentials> basic = s.authentication() instanceof Authentication.Basic b
            ? Optional.of(new BasicCredentials(b.username(), secrets.open(b.password(), Authentication.passwordContext(s.id()))))
            : Optional.empty();
        return Optional.of(new Prepared(delivery, event, s, basic, signingKeys(s)));
    }

    private List<SigningKey> signingKeys(WebhookSubscription s) {
        if (s.signature() instanceof Signature.SourceKey sourceKey) {
            Optional<ApiKey> key = apiKeys.byId(s.merchantId(), sourceKey.apiKeyId()).filter(ApiKey::active);
            // a revoked Source Key signs nothing: the receiver then rejects, which is what revoking means
            return key.map(k -> List.of(SigningKey.ofSourceKey(manageApiKeys.reveal(k)))).orElse(List.of());
        }
        if (s.signature() instanceof Signature.MerchantKey) {
            return signatureKeys.keysToSignWith(s.merchantId());
        }
        return List.of();
    }

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
        String disableReason = decision instanceof DisableSubscription disable ? disable.reason()
            : deliveries.failingSince(delivery.subscriptionId()).filter(since -> policy.shouldAutoDisable(since, clock.instant()))
                .map(since -> "no successful delivery since " + since + " (failing for more than "
                    + policy.autoDisableAfter() + ")")
                .orElse(null);
        if (disableReason != null) {
            subscriptions.byId(delivery.merchantId(), delivery.subscriptionId()).filter(WebhookSubscription::enabled).ifPresent(s -> {
                s.disable(disableReason, clock.instant());
                subscriptions.update(s);
            });
        }
        return decision;
    }
}
