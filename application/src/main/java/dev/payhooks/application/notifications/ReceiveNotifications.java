package dev.payhooks.application.notifications;

import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.NotificationIntake;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.DecodedNotification;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.MalformedNotification;
import dev.payhooks.domain.provider.NotificationProvider;
import dev.payhooks.domain.provider.NotificationProvider.Acknowledgement;
import dev.payhooks.domain.provider.ProviderConfiguration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first half of the one inbound pipeline every provider's notifications run through:
 * size (413) and media type (415) → find the channel by the URL's
 * endpoint key (404) → verify on the raw bytes (401) → decode (400) → store raw with the
 * provider's dedup key (a resend is a duplicate) → acknowledge. Refused verification and
 * unreadable bodies are stored too (IGNORED, with the reason) so staff can see them.
 *
 * <p>A request's notifications are stored by one {@link NotificationIntake#storeAll} call, which
 * has committed them when it returns: the answer is given after that, so nothing acknowledged is
 * lost. What it newly stored is applied afterwards, off the request, by {@link ApplyNotifications}
 * on the worker that drains the stored notifications.
 */
public record ReceiveNotifications(NotificationProviders providers, Channels channels,
                                   NotificationIntake notifications, Secrets secrets, IdGenerator ids, Clock clock) {

    /** Bodies above this are refused with 413 before anything is stored (Adyen batches stay far below). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /**
     * How soon after its arrival a stored notification is applied while the worker keeps up:
     * the store wakes the worker at once, and it also looks every few seconds.
     */
    public static final Duration GRACE_BEFORE_RETRY = Duration.ofSeconds(10);
    /** How long the retry loop waits after a failed attempt. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    /** How a request was answered. */
    public enum Outcome {
        ACCEPTED(200), DUPLICATE(200), MALFORMED(400), UNAUTHENTICATED(401), UNKNOWN_ENDPOINT(404),
        TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public boolean acknowledged() {
            return httpStatus < 300;
        }
    }

    /**
     * The answer to one request: the stored notifications it concerns (one per item; a refused
     * or unreadable request is stored as one), those newly stored that still need
     * {@link ApplyNotifications#apply}, and for an acknowledged request the body its provider
     * expects (empty: the hub's JSON receipt).
     */
    public record Receipt(Outcome outcome, List<String> notificationIds, List<String> toApply, String message,
                          Optional<Acknowledgement> acknowledgement) {
        public Receipt {
            Objects.requireNonNull(outcome, "outcome");
            notificationIds = List.copyOf(notificationIds);
            toApply = List.copyOf(toApply);
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(acknowledgement, "acknowledgement");
        }

        static Receipt refused(Outcome outcome, String message) {
            return new Receipt(outcome, List.of(), List.of(), message, Optional.empty());
        }
    }

    /** Whether a provider's notifications are received here. */
    public boolean receives(ProviderId provider) {
        return providers.receives(provider);
    }

    /**
     * Receives one request; what it stores is committed when it returns. The request keeps what its provider read
     * of the body: the caller passes it on to {@link ApplyNotifications#apply(String, InboundRequest)}
     * so the body is read once.
     */
    public Receipt receive(InboundRequest request) {
        NotificationProvider provider = providers.of(request.provider()).orElse(null);
        if (provider == null) {
            return Receipt.refused(Outcome.UNKNOWN_ENDPOINT, request.provider().slug() + " does not send notifications to the hub");
        }
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            return Receipt.refused(Outcome.TOO_LARGE, "Request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        Optional<String> mediaType = request.mediaType();
        if (mediaType.isEmpty() || !provider.mediaTypes().contains(mediaType.get())) {
            return Receipt.refused(Outcome.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be one of "
                + String.join(", ", provider.mediaTypes().stream().sorted().toList()));
        }
        Optional<Channel> channel = channels.byEndpointKey(request.provider(), request.endpointKey());
        Optional<ProviderSettings> settings = channel.flatMap(c -> c.provider(request.provider()));
        if (settings.isEmpty()) {
            return Receipt.refused(Outcome.UNKNOWN_ENDPOINT, "No notification endpoint at this URL");
        }
        ProviderConfiguration configuration = new ProviderConfiguration(settings.get(), secrets);
        NotificationHeaders kept = keptHeaders(provider, request.headers());
        VerificationResult verification = provider.verify(request, configuration);
        if (verification.isFailed()) {
            StoreResult stored = notifications.store(InboundNotification.register(ids.newId(), request.provider(),
                contentKey("unverified", body), channel.get().merchantId(), channel.get().slug(), body, kept,
                verification, request.receivedAt()));
            return new Receipt(Outcome.UNAUTHENTICATED, List.of(stored.notificationId()), List.of(),
                "The request could not be authenticated for this endpoint", Optional.empty());
        }
        List<DecodedNotification> items;
        try {
            items = provider.decode(request, configuration);
            if (items.isEmpty()) {
                throw new MalformedNotification("the body holds no notification");
            }
        } catch (MalformedNotification malformed) {
            InboundNotification unreadable = InboundNotification.register(ids.newId(), request.provider(),
                contentKey("malformed", body), channel.get().merchantId(), channel.get().slug(), body, kept,
                verification, request.receivedAt());
            // stored IGNORED in one statement; a duplicate leaves the stored one as it is
            unreadable.markIgnored("malformed: " + malformed.getMessage(), clock.instant());
            StoreResult stored = notifications.store(unreadable);
            return new Receipt(Outcome.MALFORMED, List.of(stored.notificationId()), List.of(), malformed.getMessage(),
                Optional.empty());
        }
        // one row per item, each with the whole body: an item is re-read from the exact bytes that were verified.
        // The items share the received time, and the worker applies by received time, then id: ids ascending in
        // the items' order keep that order (an Adyen CAPTURE after the AUTHORISATION of the same batch)
        List<String> itemIds = items.stream().map(item -> ids.newId()).sorted().toList();
        List<InboundNotification> received = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            // one payment's notifications share a lane, which one worker applies in their order
            received.add(InboundNotification.register(itemIds.get(i), request.provider(), items.get(i).key(),
                channel.get().merchantId(), channel.get().slug(), body, kept, verification, request.receivedAt(),
                ApplyLanes.of(items.get(i).orderingKey())));
        }
        List<String> stored = new ArrayList<>();
        List<String> toApply = new ArrayList<>();
        for (StoreResult result : notifications.storeAll(received)) {
            stored.add(result.notificationId());
            if (!result.isDuplicate()) {
                toApply.add(result.notificationId());
            }
        }
        return toApply.isEmpty()
            ? new Receipt(Outcome.DUPLICATE, stored, toApply, "duplicate of an earlier notification",
                provider.acknowledgement())
            : new Receipt(Outcome.ACCEPTED, stored, toApply, "accepted", provider.acknowledgement());
    }

    private static NotificationHeaders keptHeaders(NotificationProvider provider, NotificationHeaders all) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : provider.keptHeaders()) {
            all.value(name).ifPresent(value -> kept.put(name, value.length() > 1000 ? value.substring(0, 1000) : value));
        }
        return NotificationHeaders.of(kept);
    }

    /** A key for a request that has no provider key (refused or unreadable): its content, so a resend coalesces. */
    private static NotificationKey contentKey(String kind, byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new NotificationKey(kind + ":" + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
