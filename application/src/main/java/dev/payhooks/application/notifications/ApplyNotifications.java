package dev.payhooks.application.notifications;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.payment.RecordProviderOutcome.Changes;
import dev.payhooks.application.payment.RecordProviderOutcome.Recorded;
import dev.payhooks.application.payment.RecordProviderOutcome.Referenced;
import dev.payhooks.application.payment.RecordProviderOutcome.Step;
import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
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
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.DecodedNotification;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.NotificationEffect;
import dev.payhooks.domain.provider.NotificationEffect.FactsOrNoEffect;
import dev.payhooks.domain.provider.NotificationFollowUp;
import dev.payhooks.domain.provider.NotificationProvider;
import dev.payhooks.domain.provider.PaymentFact;
import dev.payhooks.domain.provider.ProviderConfiguration;
import dev.payhooks.domain.trace.Correlation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The second half of the inbound pipeline: applies a notification {@link ReceiveNotifications}
 * stored, in a later transaction, on the worker that drains the stored notifications.
 *
 * <ol>
 *   <li>{@link #apply}: lock the stored row (SKIP LOCKED) and adopt its correlation id → confirm (Annanow re-fetch) → record
 *       its effect: a payment outcome through {@link RecordProviderOutcome} (find or create the
 *       transaction, apply the facts through the aggregate, write the outbound events) and the
 *       provider's follow-ups, or a subscription event → mark it PROCESSED or IGNORED (no effect,
 *       with the reason).</li>
 *   <li>{@link #recordFailure}: a technical failure of {@code apply} (database, provider
 *       unreachable) is recorded in a new transaction and retried by the loop
 *       ({@link #dueForRetry}) until {@link InboundNotification#MAX_PROCESSING_ATTEMPTS}.</li>
 * </ol>
 * Every method runs in the caller's transaction.
 */
public class ApplyNotifications {

    private final NotificationProviders providers;
    private final Channels channels;
    private final Merchants merchants;
    private final InboundNotifications notifications;
    private final RecordProviderOutcome outcomes;
    private final EventQueue queue;
    private final EventIdGenerator eventIds;
    private final Secrets secrets;
    private final Clock clock;
    private final List<NotificationFollowUp> followUps;

    /** With follow-ups run in the transaction that applies a notification (see {@link NotificationFollowUp}). */
    public ApplyNotifications(NotificationProviders providers, Channels channels, Merchants merchants,
                              InboundNotifications notifications, RecordProviderOutcome outcomes, EventQueue queue,
                              EventIdGenerator eventIds, Secrets secrets, Clock clock, List<NotificationFollowUp> followUps) {
        this.providers = providers;
        this.channels = channels;
        this.merchants = merchants;
        this.notifications = notifications;
        this.outcomes = outcomes;
        this.queue = queue;
        this.eventIds = eventIds;
        this.secrets = secrets;
        this.clock = clock;
        this.followUps = List.copyOf(followUps);
    }

    /**
     * Applies a stored notification if it still awaits processing and nobody else holds it.
     * Returns its status afterwards, or empty when it was not this caller's to process. Throws
     * on technical failures: the caller rolls back and calls {@link #recordFailure}.
     */
    public Optional<InboundNotification> apply(String notificationId) {
        return applyWith(notificationId, Optional.empty());
    }

    /**
     * {@link #apply(String)} by the request that stored it: its body is not read again. A request
     * with other bytes than the stored ones is not used.
     */
    public Optional<InboundNotification> apply(String notificationId, InboundRequest storedBy) {
        return applyWith(notificationId, Optional.of(storedBy));
    }

    /**
     * {@link #apply(String)} for several notifications in the caller's one transaction: locks
     * those that still await processing and that nobody else holds (one statement), and applies
     * them oldest received first, each in a correlation unit of its own. Returns how many it
     * applied. Between two of them the repository lets go of what the previous one read and
     * wrote ({@link InboundNotifications#settle}). Throws on the first technical failure: the
     * caller rolls back (nothing of the others is kept either) and applies them one by one, where
     * a failure is recorded.
     */
    public int applyAll(List<String> notificationIds) {
        List<InboundNotification> locked = notifications.lockAllIfAwaiting(notificationIds);
        for (int i = 0; i < locked.size(); i++) {
            if (i > 0) {
                // what the one before read and wrote is not carried along (still one commit for all)
                notifications.settle();
            }
            try (Correlation.Unit unit = Correlation.open(Optional.empty())) {
                applyLocked(locked.get(i), Optional.empty());
            }
        }
        return locked.size();
    }

    private Optional<InboundNotification> applyWith(String notificationId, Optional<InboundRequest> storedBy) {
        Optional<InboundNotification> locked = notifications.lockIfAwaiting(notificationId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(applyLocked(locked.get(), storedBy));
    }

    private InboundNotification applyLocked(InboundNotification notification, Optional<InboundRequest> storedBy) {
        // the request that stored it is long gone: its id comes from the row, for the events and log lines that follow
        Correlation.adopt(notification.correlationId());
        Processed processed = process(notification, storedBy);
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
        return notification;
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

    /**
     * What the worker should apply now, oldest received first: every notification still
     * RECEIVED, and a FAILED one with attempts left once {@link ReceiveNotifications#RETRY_DELAY}
     * has passed since its last attempt.
     */
    public List<String> dueForRetry(int limit) {
        return dueForRetry(ApplyLanes.all(), limit);
    }

    /** {@link #dueForRetry(int)} in the given inbox lanes only ({@link ApplyLanes}): what one worker applies. */
    public List<String> dueForRetry(Collection<Integer> lanes, int limit) {
        Instant now = clock.instant();
        return notifications.dueForProcessing(now.plusNanos(1), now.minus(ReceiveNotifications.RETRY_DELAY), lanes, limit);
    }

    /**
     * How processing went: {@code noEffect} empty when applied, otherwise why it had no effect;
     * {@code transaction} the transaction it concerned, when it got that far.
     */
    private record Processed(Optional<String> noEffect, Optional<TransactionId> transaction) {

        static Processed applied(Optional<TransactionId> transaction) {
            return new Processed(Optional.empty(), transaction);
        }

        static Processed noEffect(String reason) {
            return new Processed(Optional.of(reason), Optional.empty());
        }
    }

    private Processed process(InboundNotification notification, Optional<InboundRequest> storedBy) {
        if (notification.redactedAt().isPresent()) {
            return Processed.noEffect("its stored body was redacted by retention and can no longer be verified or read");
        }
        Optional<NotificationProvider> provider = providers.of(notification.provider());
        if (provider.isEmpty()) {
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
        // what the provider reads is the stored request: its bytes and the headers kept with them
        InboundRequest stored = storedBy
            .filter(request -> request.provider() == notification.provider() && request.hasBody(notification.rawBody()))
            .map(request -> request.withHeaders(notification.headers()))
            .orElseGet(() -> new InboundRequest(notification.provider(), settings.get().endpointKey().orElse("-"),
                notification.rawBody(), notification.headers(), notification.receivedAt()));
        Optional<DecodedNotification> item = provider.get().decode(stored, configuration).stream()
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
        if (!authenticated && provider.get().confirmsWithProvider(configuration)) {
            return Processed.noEffect("not confirmed by " + notification.provider().slug()
                + ": the notification was not authenticated, so the provider was not asked");
        }
        Optional<String> unconfirmed = authenticated
            ? provider.get().confirmationFailure(stored, decoded, configuration) : Optional.empty();
        if (unconfirmed.isPresent()) {
            return Processed.noEffect("not confirmed by " + notification.provider().slug() + ": " + unconfirmed.get());
        }
        if (effect instanceof NotificationEffect.OnSubscription subscription) {
            publishSubscription(merchant.get(), channel.get(), notification.provider(), subscription);
            return Processed.applied(Optional.empty());
        }
        return record(merchant.get(), channel.get(), notification.provider(), (NotificationEffect.OnTransaction) effect,
            decoded.description(), stored, decoded.key());
    }

    private Processed record(Merchant merchant, Channel channel, ProviderId provider, NotificationEffect.OnTransaction effect,
                             String description, InboundRequest stored, NotificationKey key) {
        FactSteps steps = new FactSteps(effect.facts(), effect.details());
        RecordProviderOutcome.Result result = outcomes.record(new RecordProviderOutcome.Command(merchant, provider,
            new Referenced(effect.target(), channel.slug()), steps, description));
        if (result instanceof RecordProviderOutcome.NoEffect none) {
            return new Processed(Optional.of(none.reason()), none.transaction());
        }
        Recorded recorded = (Recorded) result;
        PaymentTransaction transaction = recorded.transaction();
        for (int i = 0; i < steps.facts.size(); i++) {
            PaymentFact fact = steps.facts.get(i);
            List<TransactionEvent> events = recorded.eventsPerStep().get(i);
            if (!events.isEmpty()) {
                followUps.forEach(followUp -> followUp.applied(merchant, channel, stored, key, transaction, fact, events));
            }
        }
        return Processed.applied(Optional.of(transaction.id()));
    }

    /**
     * A notification's facts for the transaction as found, one step each (published under the
     * fact's event type when it names one); remembers them, so each step's follow-ups get their fact.
     */
    private final class FactSteps implements RecordProviderOutcome.Outcome {
        private final NotificationEffect.TransactionFacts source;
        private final PaymentDetails details;
        private List<PaymentFact> facts = List.of();

        FactSteps(NotificationEffect.TransactionFacts source, PaymentDetails details) {
            this.source = source;
            this.details = details;
        }

        @Override
        public Changes changesFor(PaymentTransaction current) {
            FactsOrNoEffect found = source.factsFor(current);
            if (found.noEffectReason() != null) {
                return Changes.none(found.noEffectReason());
            }
            facts = found.facts();
            // the details come with the facts: saved when a fact is, and in the events they publish
            return Changes.of(facts.stream().map(fact -> new Step(transaction -> {
                transaction.describe(details);
                return transaction.apply(fact.operation(), fact.result(), new ProviderReport(fact.amount(),
                    clock.instant(), fact.providerReference(), fact.message(), fact.eventKey(), null, fact.reason()));
            }, Optional.ofNullable(fact.eventType()))).toList());
        }
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

    private static String shortened(String text) {
        return text.length() <= OutboundEvent.MAX_SOURCE_LENGTH ? text : text.substring(0, OutboundEvent.MAX_SOURCE_LENGTH);
    }
}
