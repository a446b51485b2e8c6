package dev.payhooks.application.notifications;

import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.outbound.Envelope;
import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.DecodedNotification;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.MalformedNotification;
import dev.payhooks.domain.provider.NotificationEffect;
import dev.payhooks.domain.provider.NotificationEffect.FactsOrNoEffect;
import dev.payhooks.domain.provider.NotificationFollowUp;
import dev.payhooks.domain.provider.NotificationProvider;
import dev.payhooks.domain.provider.PaymentFact;
import dev.payhooks.domain.provider.ProviderConfiguration;
import dev.payhooks.domain.provider.TransactionTarget;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one inbound pipeline every provider's notifications run through (ARCHITECTURE.md rule 2):
 *
 * <ol>
 *   <li>{@link #receive}: size (413) and media type (415) → find the channel by the URL's
 *       endpoint key (404) → verify on the raw bytes (401) → decode (400) → store raw with the
 *       provider's dedup key (a resend is a duplicate) → acknowledge. Refused verification and
 *       unreadable bodies are stored too (IGNORED, with the reason) so staff can see them.</li>
 *   <li>{@link #apply}: in a later transaction, lock the stored row (SKIP LOCKED) → confirm
 *       (Annanow re-fetch) → find or create the target transaction → apply the facts through the
 *       aggregate → write the outbound events in the same transaction → mark it PROCESSED or
 *       IGNORED (no effect, with the reason).</li>
 *   <li>{@link #recordFailure}: a technical failure of {@code apply} (database, provider
 *       unreachable) is recorded in a new transaction and retried by the loop
 *       ({@link #dueForRetry}) until {@link InboundNotification#MAX_PROCESSING_ATTEMPTS}.</li>
 * </ol>
 * Every method runs in the caller's transaction; the caller commits {@code receive} before it
 * answers the provider, so nothing acknowledged is lost.
 */
public class ReceiveNotifications {

    /** Bodies above this are refused with 413 before anything is stored (Adyen batches stay far below). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** The request that stored a notification applies it at once; the loop only takes what is older. */
    public static final Duration GRACE_BEFORE_RETRY = Duration.ofSeconds(10);
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
     * or unreadable request is stored as one), and those newly stored that still need {@link #apply}.
     */
    public record Receipt(Outcome outcome, List<String> notificationIds, List<String> toApply, String message) {
        public Receipt {
            Objects.requireNonNull(outcome, "outcome");
            notificationIds = List.copyOf(notificationIds);
            toApply = List.copyOf(toApply);
            Objects.requireNonNull(message, "message");
        }

        static Receipt refused(Outcome outcome, String message) {
            return new Receipt(outcome, List.of(), List.of(), message);
        }
    }

    private final Map<ProviderId, NotificationProvider> providers = new EnumMap<>(ProviderId.class);
    private final Channels channels;
    private final Merchants merchants;
    private final InboundNotifications notifications;
    private final PaymentTransactions transactions;
    private final TransactionNotices notices;
    private final EventQueue queue;
    private final EventIdGenerator eventIds;
    private final Secrets secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final List<NotificationFollowUp> followUps;

    public ReceiveNotifications(List<NotificationProvider> providers, Channels channels, Merchants merchants,
                                InboundNotifications notifications, PaymentTransactions transactions,
                                TransactionNotices notices, EventQueue queue, EventIdGenerator eventIds,
                                Secrets secrets, IdGenerator ids, Clock clock) {
        this(providers, channels, merchants, notifications, transactions, notices, queue, eventIds, secrets, ids, clock,
            List.of());
    }

    /** With follow-ups run in the transaction that applies a notification (see {@link NotificationFollowUp}). */
    public ReceiveNotifications(List<NotificationProvider> providers, Channels channels, Merchants merchants,
                                InboundNotifications notifications, PaymentTransactions transactions,
                                TransactionNotices notices, EventQueue queue, EventIdGenerator eventIds,
                                Secrets secrets, IdGenerator ids, Clock clock, List<NotificationFollowUp> followUps) {
        this.followUps = List.copyOf(followUps);
        for (NotificationProvider provider : providers) {
            if (this.providers.put(provider.provider(), provider) != null) {
                throw new IllegalArgumentException("two notification providers for " + provider.provider());
            }
        }
        this.channels = channels;
        this.merchants = merchants;
        this.notifications = notifications;
        this.transactions = transactions;
        this.notices = notices;
        this.queue = queue;
        this.eventIds = eventIds;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether a provider's notifications are received here. */
    public boolean receives(ProviderId provider) {
        return providers.containsKey(provider);
    }

    // ---- step 1: receive and store -------------------------------------------------------------

    public Receipt receive(InboundRequest request) {
        NotificationProvider provider = providers.get(request.provider());
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
                "The request could not be authenticated for this endpoint");
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
            StoreResult stored = notifications.store(unreadable);
            if (!stored.isDuplicate()) {
                unreadable.markIgnored("malformed: " + malformed.getMessage(), clock.instant());
                notifications.update(unreadable);
            }
            return new Receipt(Outcome.MALFORMED, List.of(stored.notificationId()), List.of(), malformed.getMessage());
        }
        // one row per item, each with the whole body: an item is re-read from the exact bytes that were verified
        List<String> stored = new ArrayList<>();
        List<String> toApply = new ArrayList<>();
        for (DecodedNotification item : items) {
            StoreResult result = notifications.store(InboundNotification.register(ids.newId(), request.provider(),
                item.key(), channel.get().merchantId(), channel.get().slug(), body, kept, verification,
                request.receivedAt()));
            stored.add(result.notificationId());
            if (!result.isDuplicate()) {
                toApply.add(result.notificationId());
            }
        }
        return toApply.isEmpty()
            ? new Receipt(Outcome.DUPLICATE, stored, toApply, "duplicate of an earlier notification")
            : new Receipt(Outcome.ACCEPTED, stored, toApply, "accepted");
    }

    // ---- step 2: apply -------------------------------------------------------------------------

    /**
     * Applies a stored notification if it still awaits processing and nobody else holds it.
     * Returns its status afterwards, or empty when it was not this caller's to process. Throws
     * on technical failures: the caller rolls back and calls {@link #recordFailure}.
     */
    public Optional<InboundNotification> apply(String notificationId) {
        Optional<InboundNotification> locked = notifications.lockIfAwaiting(notificationId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        InboundNotification notification = locked.get();
        Processed processed = process(notification);
        if (processed.noEffect().isPresent() && processed.transaction().isPresent()) {
            notification.markIgnored(processed.noEffect().get(), processed.transaction().get(), clock.instant());
        } else if (processed.noEffect().isPresent()) {
            notification.markIgnored(processed.noEffect().get(), clock.instant());
        } else if (processed.transaction().isPresent()) {
            notification.markProcessed(processed.transaction().get(), clock.instant());
        } else {
            notification.markProcessed(clock.instant());
        }
        notifications.update(notification);
        return Optional.of(notification);
    }

    /** Records a failed attempt (in a new transaction after {@link #apply} threw); false if someone else holds it. */
    public boolean recordFailure(String notificationId, String error) {
        Optional<InboundNotification> locked = notifications.lockIfAwaiting(notificationId);
        locked.ifPresent(notification -> {
            notification.markFailed(error == null || error.isBlank() ? "processing failed" : error, clock.instant());
            notifications.update(notification);
        });
        return locked.isPresent();
    }

    /** What the retry loop should try now. */
    public List<String> dueForRetry(int limit) {
        Instant now = clock.instant();
        return notifications.dueForProcessing(now.minus(GRACE_BEFORE_RETRY), now.minus(RETRY_DELAY), limit);
    }

    /**
     * How processing went: {@code noEffect} empty when applied, otherwise why it had no effect;
     * {@code transaction} the transaction it concerned, when it got that far.
     */
    private record Processed(Optional<String> noEffect, Optional<TransactionId> transaction) {

        static Processed applied(TransactionId transaction) {
            return new Processed(Optional.empty(), Optional.ofNullable(transaction));
        }

        static Processed noEffect(String reason) {
            return new Processed(Optional.of(reason), Optional.empty());
        }

        static Processed noEffectOn(TransactionId transaction, String reason) {
            return new Processed(Optional.of(reason), Optional.of(transaction));
        }
    }

    private Processed process(InboundNotification notification) {
        if (notification.redactedAt().isPresent()) {
            return Processed.noEffect("its stored body was redacted by retention and can no longer be verified or read");
        }
        NotificationProvider provider = providers.get(notification.provider());
        if (provider == null) {
            return Processed.noEffect(notification.provider().slug() + " notifications are not processed by this hub");
        }
        Optional<Channel> channel = notification.merchantId().flatMap(merchant ->
            notification.channelSlug().flatMap(slug -> channels.bySlug(merchant, slug)));
        Optional<ProviderSettings> settings = channel.flatMap(c -> c.provider(notification.provider()));
        Optional<Merchant> merchant = notification.merchantId().flatMap(merchants::byId);
        if (settings.isEmpty() || merchant.isEmpty()) {
            return Processed.noEffect("the channel or its " + notification.provider().slug() + " configuration no longer exists");
        }
        ProviderConfiguration configuration = new ProviderConfiguration(settings.get(), secrets);
        InboundRequest stored = new InboundRequest(notification.provider(), settings.get().endpointKey().orElse("-"),
            notification.rawBody(), notification.headers(), notification.receivedAt());
        Optional<DecodedNotification> item = provider.decode(stored, configuration).stream()
            .filter(candidate -> candidate.key().equals(notification.key()))
            .findFirst();
        if (item.isEmpty()) {
            return Processed.noEffect("the stored body no longer yields notification " + notification.key()
                + " (the provider adapter reads it differently now)");
        }
        DecodedNotification decoded = item.get();
        NotificationEffect effect = decoded.effect();
        if (effect instanceof NotificationEffect.NoEffect none) {
            return Processed.noEffect(none.reason());
        }
        // the provider is asked only about an authenticated notification: never on a stranger's behalf
        boolean authenticated = notification.verification().outcome() == VerificationResult.Outcome.VERIFIED;
        if (!authenticated && provider.confirmsWithProvider(configuration)) {
            return Processed.noEffect("not confirmed by " + notification.provider().slug()
                + ": the notification was not authenticated, so the provider was not asked");
        }
        Optional<String> unconfirmed = authenticated ? provider.confirmationFailure(stored, decoded, configuration) : Optional.empty();
        if (unconfirmed.isPresent()) {
            return Processed.noEffect("not confirmed by " + notification.provider().slug() + ": " + unconfirmed.get());
        }
        if (effect instanceof NotificationEffect.OnSubscription subscription) {
            publishSubscription(merchant.get(), channel.get(), notification.provider(), subscription);
            return Processed.applied(null);
        }
        return applyToTransaction(merchant.get(), channel.get(), notification.provider(),
            (NotificationEffect.OnTransaction) effect, decoded.description(), stored, decoded.key());
    }

    private Processed applyToTransaction(Merchant merchant, Channel channel, ProviderId provider,
                                         NotificationEffect.OnTransaction effect, String description,
                                         InboundRequest stored, NotificationKey key) {
        TransactionTarget target = effect.target();
        Optional<PaymentTransaction> found = find(merchant.id(), provider, target);
        boolean created = found.isEmpty();
        PaymentTransaction transaction;
        if (found.isPresent()) {
            transaction = found.get();
        } else if (target.createIfUnknown().isPresent()) {
            TransactionTarget.NewTransaction described = target.createIfUnknown().get();
            transaction = PaymentTransaction.initialize(TransactionId.of(ids.newId()), channel.slug(), provider,
                described.merchantReference(), described.currency(), clock.instant());
        } else {
            return Processed.noEffect("no transaction matches " + describe(target) + " and " + description
                + " does not describe a payment to create");
        }
        FactsOrNoEffect facts = effect.facts().factsFor(transaction);
        if (facts.noEffectReason() != null) {
            return created ? Processed.noEffect(facts.noEffectReason())
                : Processed.noEffectOn(transaction.id(), facts.noEffectReason());
        }
        Map<PaymentFact, List<TransactionEvent>> applied = new LinkedHashMap<>();
        try {
            for (PaymentFact fact : facts.facts()) {
                ProviderReport report = new ProviderReport(fact.amount(), clock.instant(), fact.providerReference(),
                    fact.message(), fact.eventKey(), null);
                applied.put(fact, transaction.apply(fact.operation(), fact.result(), report));
            }
        } catch (DomainException rejected) {
            // the aggregate refused (illegal transition, amount rule, currency): nothing is saved
            String reason = "transaction " + transaction.id() + " (" + transaction.status() + ") refused "
                + description + ": " + rejected.getMessage();
            return created ? Processed.noEffect(reason) : Processed.noEffectOn(transaction.id(), reason);
        }
        if (applied.values().stream().allMatch(List::isEmpty)) {
            String reason = "already recorded on transaction " + transaction.id();
            return created ? Processed.noEffect(reason) : Processed.noEffectOn(transaction.id(), reason);
        }
        if (created) {
            transactions.add(merchant.id(), transaction);
        } else {
            transactions.update(transaction);
        }
        applied.forEach((fact, events) -> {
            if (fact.eventType() == null) {
                notices.publish(merchant, transaction, events);
            } else {
                events.forEach(event -> notices.publishAs(merchant, fact.eventType(), transaction, event));
            }
            if (!events.isEmpty()) {
                followUps.forEach(followUp -> followUp.applied(merchant, channel, stored, key, transaction, fact, events));
            }
        });
        return Processed.applied(transaction.id());
    }

    private Optional<PaymentTransaction> find(String merchantId, ProviderId provider, TransactionTarget target) {
        for (String reference : target.providerReferences()) {
            Optional<PaymentTransaction> byReference = transactions.byProviderReference(merchantId, provider, reference);
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        return target.merchantReference().flatMap(reference ->
            transactions.byMerchantReference(merchantId, provider, reference));
    }

    private void publishSubscription(Merchant merchant, Channel channel, ProviderId provider,
                                     NotificationEffect.OnSubscription subscription) {
        if (!EventCatalog.isKnown(subscription.eventType())) {
            throw new IllegalArgumentException("'" + subscription.eventType() + "' is not in the event catalog");
        }
        EventId id = eventIds.next();
        Instant now = clock.instant();
        String object = subscription.object()
            .string("provider", provider.slug())
            .string("channel", channel.slug())
            .toJson();
        queue.enqueue(OutboundEvent.create(id, merchant.id(), subscription.eventType(),
            Envelope.render(id, subscription.eventType(), now, merchant.merchantKey(), object), now, null,
            shortened(provider.slug() + "-subscription:" + subscription.subscriptionId())));
    }

    private static String describe(TransactionTarget target) {
        List<String> parts = new ArrayList<>();
        if (!target.providerReferences().isEmpty()) {
            parts.add("provider references " + target.providerReferences());
        }
        target.merchantReference().ifPresent(reference -> parts.add("merchant reference " + reference));
        return parts.isEmpty() ? "nothing" : String.join(" or ", parts);
    }

    private static String shortened(String text) {
        return text.length() <= OutboundEvent.MAX_SOURCE_LENGTH ? text : text.substring(0, OutboundEvent.MAX_SOURCE_LENGTH);
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
