package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.OwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends OwnedEntity {

    @Column(nullable = false) String label;
    @Column(nullable = false) String url;
    @Column(nullable = false) String authType;
    String authUsername;
    String authPassword;
    @Column(nullable = false) String signatureType;
    String signatureApiKeyId;
    boolean enabled;
    String disabledReason;
    Instant disabledAt;
    int timeoutSeconds;
    boolean fifo;
    Integer rateLimitPerSecond;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscription_event", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "event_type", nullable = false)
    Set<String> events = new HashSet<>();
}
