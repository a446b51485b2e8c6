package dev.payhooks.domain.outbound;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.StampedAggregate;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A merchant's webhook: where to send which events, how to authenticate and sign them, and
 * how the delivery engine should treat the endpoint.
 *
 * <p>Authentication has no setter on purpose: the contract lets it change only through an
 * explicit reset, so an edit that does not reset it keeps the stored (sealed) credentials
 * without the client ever sending them again.
 *
 * <p>Times are kept to the microsecond, what both databases store, so an object read back
 * equals the one written.
 */
public final class WebhookSubscription extends StampedAggregate {

    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_DISABLED_REASON_LENGTH = 500;

    private final String id;
    private final String merchantId;
    private String label;
    private HookUrl url;
    private SortedSet<String> events;
    private Authentication authentication;
    private Signature signature;
    private DeliveryOptions delivery;
    private boolean enabled;
    private String disabledReason;
    private Instant disabledAt;

    private WebhookSubscription(String id, String merchantId, String label, HookUrl url, Collection<String> events,
                                Authentication authentication, Signature signature, DeliveryOptions delivery,
                                boolean enabled, String disabledReason, Instant disabledAt,
                                Instant createdAt, Instant updatedAt, long version) {
        super(micros(createdAt), micros(updatedAt), version);
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.label = validLabel(label);
        this.url = Objects.requireNonNull(url, "url");
        this.events = validEvents(events);
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        if (enabled != (disabledAt == null) || enabled != (disabledReason == null)) {
            throw new IllegalArgumentException("a subscription is enabled, or disabled with a reason and a time");
        }
        this.enabled = enabled;
        this.disabledReason = disabledReason == null ? null : validReason(disabledReason);
        this.disabledAt = micros(disabledAt);
    }

    /** A new, enabled subscription. */
    public static WebhookSubscription create(String id, String merchantId, String label, HookUrl url,
                                             Collection<String> events, Authentication authentication,
                                             Signature signature, DeliveryOptions delivery, Instant at) {
        return new WebhookSubscription(id, merchantId, label, url, events, authentication, signature, delivery,
            true, null, null, at, at, 0);
    }

    /** Rebuilds a stored subscription; for repositories only. */
    public static WebhookSubscription reconstitute(String id, String merchantId, String label, HookUrl url,
                                                   Collection<String> events, Authentication authentication,
                                                   Signature signature, DeliveryOptions delivery, boolean enabled,
                                                   String disabledReason, Instant disabledAt, Instant createdAt,
                                                   Instant updatedAt, long version) {
        return new WebhookSubscription(id, merchantId, label, url, events, authentication, signature, delivery,
            enabled, disabledReason, disabledAt, createdAt, updatedAt, version);
    }

    public void relabel(String newLabel, Instant at) {
        this.label = validLabel(newLabel);
        touch(at);
    }

    public void retarget(HookUrl newUrl, Instant at) {
        this.url = Objects.requireNonNull(newUrl, "url");
        touch(at);
    }

    /** Listens to exactly these events from now on (adds and removes in one go). */
    public void subscribe(Collection<String> newEvents, Instant at) {
        this.events = validEvents(newEvents);
        touch(at);
    }

    /** The contract's "reset authentication": the only way credentials change. */
    public void resetAuthentication(Authentication newAuthentication, Instant at) {
        this.authentication = Objects.requireNonNull(newAuthentication, "authentication");
        touch(at);
    }

    public void changeSignature(Signature newSignature, Instant at) {
        this.signature = Objects.requireNonNull(newSignature, "signature");
        touch(at);
    }

    public void tuneDelivery(DeliveryOptions newDelivery, Instant at) {
        this.delivery = Objects.requireNonNull(newDelivery, "delivery");
        touch(at);
    }

    /**
     * Stops deliveries (an admin's choice, a {@code 410 Gone}, or days of failures). Disabling
     * a disabled subscription keeps the first reason and time: that is when and why it stopped.
     */
    public void disable(String reason, Instant at) {
        String valid = validReason(reason);
        if (!enabled) {
            return;
        }
        this.enabled = false;
        this.disabledReason = valid;
        this.disabledAt = micros(Objects.requireNonNull(at, "at"));
        touch(at);
    }

    /** Resumes deliveries; replaying what was missed meanwhile is a separate, explicit step. */
    public void enable(Instant at) {
        if (enabled) {
            return;
        }
        this.enabled = true;
        this.disabledReason = null;
        this.disabledAt = null;
        touch(at);
    }

    public boolean listensTo(String eventType) {
        return enabled && events.contains(eventType);
    }

    /** Trimmed, 1-100 characters. */
    public static String validLabel(String label) {
        return Required.trimmedText(label, "label", MAX_LABEL_LENGTH);
    }

    /** At least one type, each in the {@link EventCatalog}; duplicates collapse. */
    public static SortedSet<String> validEvents(Collection<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidField("events", "must name at least one event type");
        }
        SortedSet<String> valid = new TreeSet<>();
        for (String type : events) {
            if (!EventCatalog.isKnown(type)) {
                throw new InvalidField("events", "unknown event type " + InvalidValue.echo(type));
            }
            valid.add(type);
        }
        return valid;
    }

    private static String validReason(String reason) {
        return Required.trimmedText(reason, "disabledReason", MAX_DISABLED_REASON_LENGTH);
    }

    private void touch(Instant at) {
        updatedAt(micros(Objects.requireNonNull(at, "at")));
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    public String id() { return id; }
    public String merchantId() { return merchantId; }
    public String label() { return label; }
    public HookUrl url() { return url; }
    public SortedSet<String> events() { return Collections.unmodifiableSortedSet(events); }
    public Authentication authentication() { return authentication; }
    public Signature signature() { return signature; }
    public DeliveryOptions delivery() { return delivery; }
    public boolean enabled() { return enabled; }
    public Optional<String> disabledReason() { return Optional.ofNullable(disabledReason); }
    public Optional<Instant> disabledAt() { return Optional.ofNullable(disabledAt); }

    @Override
    public String toString() {
        // not the URL: its path or query may carry a receiver's token
        return "WebhookSubscription[" + id + ", " + label + ", merchant=" + merchantId + ", enabled=" + enabled + "]";
    }
}
