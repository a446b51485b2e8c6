package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.StampedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends StampedEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "merchant_id", length = 36, nullable = false, updatable = false)
    String merchantId;

    @Column(name = "label", length = 100, nullable = false)
    String label;

    @Column(name = "url", length = 2000, nullable = false)
    String url;

    @Column(name = "auth_type", length = 8, nullable = false)
    String authType;

    @Column(name = "auth_username", length = 100)
    String authUsername;

    @Column(name = "auth_password", length = 1000)
    String authPassword;

    @Column(name = "signature_type", length = 16, nullable = false)
    String signatureType;

    @Column(name = "signature_api_key_id", length = 36)
    String signatureApiKeyId;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    String disabledReason;

    @Column(name = "disabled_at")
    Instant disabledAt;

    @Column(name = "timeout_seconds", nullable = false)
    int timeoutSeconds;

    @Column(name = "fifo", nullable = false)
    boolean fifo;

    @Column(name = "rate_limit_per_second")
    Integer rateLimitPerSecond;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscription_event", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "event_type", length = 100, nullable = false)
    Set<String> events = new HashSet<>();

    protected WebhookSubscriptionEntity() {
        // for JPA
    }
}
