package dev.payhooks.domain.provider;

import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.ProviderId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of the inbound pipeline that differ per provider (Adyen, Walley, Annanow): which
 * requests it accepts, how a request proves it came from the provider, how the body reads, what
 * makes two deliveries the same notification, and what it means for the domain. The pipeline
 * itself ({@code ReceiveNotifications} and {@code ApplyNotifications} in the application) is the
 * same for all. An adapter that reads the body (verify, decode, confirm) does so through
 * {@link InboundRequest#read}, so each request is parsed once.
 *
 * <p>Implementations translate; they never decide a business outcome: the aggregate does.
 */
public interface NotificationProvider {

    /** The body of the answer to a stored notification, when the provider insists on one (Adyen's {@code [accepted]}). */
    record Acknowledgement(String body, String mediaType) {
        public Acknowledgement {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }

    ProviderId provider();

    /**
     * What the hub answers once a notification is stored (also for a resent one): empty for the
     * hub's own JSON receipt, which names the stored notifications.
     */
    default Optional<Acknowledgement> acknowledgement() {
        return Optional.empty();
    }

    /** Accepted media types in lower case, without parameters; anything else is answered 415. */
    Set<String> mediaTypes();

    /** The request headers (lower case) stored with the raw body for support and re-verification. */
    Set<String> keptHeaders();

    /**
     * Whether the request proves it came from the provider for this channel: Basic auth,
     * signature over the raw bytes (constant-time comparison), timestamp window. Never throws
     * for bad input; a failure reason never contains secret material.
     */
    VerificationResult verify(InboundRequest request, ProviderConfiguration configuration);

    /**
     * Reads the body: one notification per item (Walley and Annanow send one per request, an
     * Adyen batch several, each with its own key). {@link MalformedNotification} when it is not
     * a notification of this provider; the same bytes must always decode to the same items.
     */
    List<DecodedNotification> decode(InboundRequest request);

    /**
     * {@link #decode(InboundRequest)} for a provider whose effects depend on the channel's
     * configuration (Adyen: the capture strategy decides whether an authorisation is a sale, and
     * items for another merchant account have no effect). The keys must not depend on it: the
     * same bytes always give the same keys. The pipeline calls this one.
     */
    default List<DecodedNotification> decode(InboundRequest request, ProviderConfiguration configuration) {
        return decode(request);
    }

    /**
     * Whether {@link #confirmationFailure} must confirm this channel's notifications with the
     * provider before they are applied. One that cannot be confirmed, because it was not
     * authenticated, then has no effect (it is never applied unconfirmed).
     */
    default boolean confirmsWithProvider(ProviderConfiguration configuration) {
        return false;
    }

    /**
     * A check before a status is applied (Annanow: re-fetch the transaction from the provider's
     * API and compare). Empty when confirmed or not configured; otherwise why it is not
     * applied. May call the provider (bounded by a timeout); throws when the provider cannot be
     * reached, so the notification is retried later. The pipeline calls it only for a
     * notification whose channel authentication passed ({@link VerificationResult.Outcome#VERIFIED}):
     * an unauthenticated request never makes the hub call the provider with the merchant's credentials.
     */
    default Optional<String> confirmationFailure(InboundRequest request, DecodedNotification notification,
                                                 ProviderConfiguration configuration) {
        return Optional.empty();
    }
}
