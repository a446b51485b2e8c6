package dev.payhooks.domain.outbound;

import dev.payhooks.domain.trace.CorrelationId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One try at delivering an event to a subscription, as the attempt log shows it: when, how long,
 * the HTTP status (if any answer came), the error class (if none came), the start of the
 * response body, and the correlation id it sent ({@code Payhooks-Correlation-Id}; null when its
 * event has none).
 */
public record DeliveryAttempt(int number, Instant startedAt, Duration latency, Integer status,
                              String errorClass, String responseExcerpt, boolean success, CorrelationId correlationId) {

    /** An attempt that sent no correlation id. */
    public DeliveryAttempt(int number, Instant startedAt, Duration latency, Integer status, String errorClass,
                           String responseExcerpt, boolean success) {
        this(number, startedAt, latency, status, errorClass, responseExcerpt, success, null);
    }

    public static final int MAX_EXCERPT = 4096;

    public DeliveryAttempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(latency, "latency");
        if (status == null && errorClass == null) {
            throw new IllegalArgumentException("an attempt has an HTTP status or an error class");
        }
        if (success && (status == null || status < 200 || status > 299)) {
            throw new IllegalArgumentException("only a 2xx answer is a success");
        }
        if (responseExcerpt != null && responseExcerpt.length() > MAX_EXCERPT) {
            responseExcerpt = responseExcerpt.substring(0, MAX_EXCERPT);
        }
    }
}
