package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link WebhookSubscriptions} on JPA, subscribed events included. The caller owns the transaction. */
public class JpaWebhookSubscriptions extends JpaRepository<WebhookSubscriptionEntity> implements WebhookSubscriptions {

    public JpaWebhookSubscriptions(EntityManager em) {
        super(em, WebhookSubscriptionEntity.class);
    }

    @Override
    public Optional<WebhookSubscription> byId(String merchantId, String id) {
        return findOf(merchantId, id, WebhookSubscriptionEntity::merchantId).map(WebhookSubscriptionMapper::toDomain);
    }

    /** One query with their event types, however many. */
    @Override
    public List<WebhookSubscription> byIds(String merchantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list(WebhookSubscriptionMapper::toDomain, "select distinct s from WebhookSubscriptionEntity s left join fetch s.events"
            + " where s.merchantId = :merchant and s.id in :ids", "merchant", merchantId, "ids", List.copyOf(new LinkedHashSet<>(ids)));
    }

    @Override
    public List<WebhookSubscription> ofMerchant(String merchantId) {
        return list(WebhookSubscriptionMapper::toDomain,
            "select s from WebhookSubscriptionEntity s where s.merchantId = :merchant order by s.createdAt, s.id", "merchant", merchantId);
    }

    @Override
    public List<WebhookSubscription> listeningTo(String merchantId, String eventType) {
        return list(WebhookSubscriptionMapper::toDomain, "select s from WebhookSubscriptionEntity s where s.merchantId = :merchant"
                + " and s.enabled = true and :type member of s.events order by s.createdAt, s.id",
            "merchant", merchantId, "type", eventType);
    }

    @Override
    public void add(WebhookSubscription subscription) {
        persist(WebhookSubscriptionMapper.toNewEntity(subscription));
    }

    @Override
    public void update(WebhookSubscription subscription) {
        change(subscription.id(), subscription.version(), changedMeanwhile(subscription), entity -> {
            ownedBy(subscription, entity);
            WebhookSubscriptionMapper.copyMutableState(subscription, entity);
        });
    }

    @Override
    public void remove(WebhookSubscription subscription) {
        remove(ownedBy(subscription, current(subscription.id(), subscription.version(), changedMeanwhile(subscription))));
    }

    // next_delivery_slot is not mapped on the entity: an edit of the subscription never overwrites it
    @Override
    public Instant lockNextDeliverySlot(String subscriptionId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement q = connection.prepareStatement(
                    "select next_delivery_slot from webhook_subscription where id = ? for update")) {
                q.setString(1, subscriptionId);
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    Timestamp slot = row.getTimestamp(1);
                    return slot == null ? null : slot.toInstant();
                }
            }
        });
    }

    @Override
    public void saveNextDeliverySlot(String subscriptionId, Instant slot) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement q = connection.prepareStatement(
                    "update webhook_subscription set next_delivery_slot = ? where id = ?")) {
                q.setTimestamp(1, Timestamp.from(slot));
                q.setString(2, subscriptionId);
                q.executeUpdate();
            }
        });
    }

    private static WebhookSubscriptionEntity ownedBy(WebhookSubscription subscription, WebhookSubscriptionEntity entity) {
        if (!entity.merchantId().equals(subscription.merchantId())) {
            throw changedMeanwhile(subscription).get();
        }
        return entity;
    }

    private static Supplier<Conflict> changedMeanwhile(WebhookSubscription subscription) {
        return changedMeanwhile("webhook subscription '" + subscription.id() + "'");
    }
}
