package dev.payhooks.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The delivery attempts made to one webhook, for its health. The caller owns the transaction. */
public interface AttemptHistory {

    /**
     * One attempt, as a webhook's page shows it.
     *
     * @param number     the attempt's number within its delivery (1 = first)
     * @param httpStatus the receiver's status, if it answered
     * @param errorClass why it failed without an answer (timeout, DNS, TLS…), if so
     */
    record Attempt(String eventId, String eventType, int number, Instant startedAt, Duration latency, boolean success,
                   Optional<Integer> httpStatus, Optional<String> errorClass) {
        public Attempt {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(errorClass, "errorClass");
        }
    }

    /** The merchant's attempts to the webhook started at or after {@code since}, newest first, at most {@code max}. */
    List<Attempt> of(String merchantId, String subscriptionId, Instant since, int max);

    /** The merchant's attempts to any of its webhooks started at or after {@code since}, newest first, at most {@code max}. */
    List<Attempt> ofMerchant(String merchantId, Instant since, int max);
}
