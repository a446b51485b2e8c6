package dev.payhooks.adapters.notifications;

import dev.payhooks.adapters.api.ApiError;
import dev.payhooks.adapters.api.SafeErrors;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.application.notifications.ApplyNotifications;
import dev.payhooks.application.notifications.ReceiveNotifications;
import dev.payhooks.application.notifications.ReceiveNotifications.Outcome;
import dev.payhooks.application.notifications.ReceiveNotifications.Receipt;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code POST /api/notifications/{provider}/{endpointKey}} without the JAX-RS runtime: reads at
 * most {@link ReceiveNotifications#MAX_BODY_BYTES} (413 beyond), verifies and stores the
 * notification and answers once it is committed (the store commits it; no container transaction
 * runs around the request, see {@link dev.payhooks.domain.inbound.NotificationIntake}). It does not apply it: it
 * tells the {@link Inbox}, whose worker applies what is stored (oldest first, each in a
 * transaction of its own, {@link #applyNow}) shortly after the answer. A failed apply never
 * changes an answer: the notification is stored, its failure recorded, and the worker takes it
 * again. Every answer is JSON; none is a 5xx for a client's input.
 */
public record NotificationEndpoint(ReceiveNotifications receiving, ApplyNotifications applying,
                                   Transactions transactions, Inbox inbox, Clock clock) {

    /** Runs work in a transaction of its own that commits when it returns and rolls back when it throws (the apply path). */
    @FunctionalInterface
    public interface Transactions {
        <T> T inNewTransaction(Supplier<T> work);
    }

    /** Where newly stored notifications go once their transaction has committed: the worker that applies them. */
    @FunctionalInterface
    public interface Inbox {
        void stored(List<String> notificationIds);
    }

    /**
     * The HTTP answer: status, body and its media type (JSON, except the acknowledgement a
     * provider insists on, {@link dev.payhooks.domain.provider.NotificationProvider#acknowledgement}).
     */
    public record Answer(int status, String json, String mediaType) {
        public Answer(int status, String json) {
            this(status, json, "application/json");
        }
    }

    private static final Logger LOG = Logger.getLogger(NotificationEndpoint.class.getName());
    private static final Pattern ENDPOINT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]{1,100}");

    public Answer handle(String providerSlug, String endpointKey, Map<String, List<String>> headers, InputStream body) {
        ProviderId provider;
        try {
            provider = ProviderId.fromSlug(providerSlug);
        } catch (InvalidValue unknown) {
            return error(404, "No notification endpoint at this URL");
        }
        if (!receiving.receives(provider) || endpointKey == null || !ENDPOINT_KEY.matcher(endpointKey).matches()) {
            return error(404, "No notification endpoint at this URL");
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(ReceiveNotifications.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return error(400, "The request body could not be read completely");
        }
        if (bytes.length > ReceiveNotifications.MAX_BODY_BYTES) {
            discardRest(body);
            return error(413, "Request body is larger than " + ReceiveNotifications.MAX_BODY_BYTES / 1024 + " KiB");
        }
        InboundRequest request = new InboundRequest(provider, endpointKey, bytes, headersOf(headers), clock.instant());
        Receipt receipt = receiving.receive(request);
        if (!receipt.toApply().isEmpty()) {
            inbox.stored(receipt.toApply());
        }
        if (!receipt.outcome().acknowledged()) {
            return error(receipt.outcome().httpStatus(), receipt.message());
        }
        if (receipt.acknowledgement().isPresent()) {
            return new Answer(receipt.outcome().httpStatus(), receipt.acknowledgement().get().body(),
                receipt.acknowledgement().get().mediaType());
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("status", receipt.outcome() == Outcome.DUPLICATE ? "duplicate" : "accepted");
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        receipt.notificationIds().forEach(ids::add);
        json.add("notifications", ids);
        return new Answer(receipt.outcome().httpStatus(), json.build().toString());
    }

    /**
     * Applies a stored notification in a transaction of its own; a failure is recorded for a
     * later attempt, never thrown. False when it was not this caller's to apply (done already,
     * or another instance holds it).
     */
    public boolean applyNow(String notificationId) {
        try {
            return transactions.inNewTransaction(() -> applying.apply(notificationId)).isPresent();
        } catch (RuntimeException failure) {
            String error = describe(failure);
            LOG.log(Level.WARNING, "Notification " + notificationId + " could not be applied yet (" + error
                + "); it is retried later");
            try {
                return transactions.inNewTransaction(() -> applying.recordFailure(notificationId, error));
            } catch (RuntimeException alsoFailed) {
                LOG.log(Level.WARNING, "Recording the failure of notification " + notificationId + " failed; the retry loop "
                    + "takes it again", SafeErrors.loggable(alsoFailed));
                return false;
            }
        }
    }

    /**
     * Applies stored notifications together, in one transaction (one commit for all); when that
     * fails, nothing of it is kept and each is applied in a transaction of its own
     * ({@link #applyNow}), where a failure is recorded for the one that caused it. Returns how
     * many this caller applied or recorded as failed.
     */
    public int applyAllNow(List<String> notificationIds) {
        try {
            return transactions.inNewTransaction(() -> applying.applyAll(notificationIds));
        } catch (RuntimeException failure) {
            LOG.log(Level.FINE, "Applying " + notificationIds.size() + " notifications together failed (" + describe(failure)
                + "); each is applied on its own");
            int applied = 0;
            for (String id : notificationIds) {
                try (Correlation.Unit unit = Correlation.open(Optional.empty())) {
                    if (applyNow(id)) {
                        applied++;
                    }
                }
            }
            return applied;
        }
    }

    /** Beyond this an oversized body is not read further; the connection is the container's to close. */
    static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

    /**
     * Reads and drops the rest of an oversized body (up to {@link #MAX_DISCARDED_BYTES}): a sender
     * that is still writing a large body while the answer is sent never reads the 413 and times out.
     */
    private static void discardRest(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long discarded = 0;
        try {
            int read;
            while (discarded < MAX_DISCARDED_BYTES && (read = body.read(buffer)) > 0) {
                discarded += read;
            }
        } catch (IOException ignored) {
            // the sender went away: nothing left to answer
        }
    }

    /** Header names in lower case, repeated values joined with ", "; names that are not HTTP tokens are dropped. */
    static NotificationHeaders headersOf(Map<String, List<String>> headers) {
        Map<String, String> joined = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name == null || values == null) {
                    return;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (HEADER_NAME.matcher(lower).matches()) {
                    joined.merge(lower, String.join(", ", values), (a, b) -> a + ", " + b);
                }
            });
        }
        return NotificationHeaders.of(joined);
    }

    /** The failure's kind and message, without the body or any header. */
    /** For the log and the notification's status reason (staff see it): never a database message. */
    static String describe(Throwable failure) {
        return SafeErrors.summary(failure);
    }

    static Answer error(int status, String message) {
        return new Answer(status, JSON.createObjectBuilder()
            .add("error", ApiError.codeFor(status))
            .add("message", message)
            .build().toString());
    }
}
