package dev.payhooks.admin.eventlog;

import java.time.Instant;
import java.util.Map;

/**
 * One provider notification for the event log's detail panel: the body pretty-printed (JSON) or
 * as text, headers with secrets masked, the verification result, how processing went and the
 * transaction it concerned ({@code transactionId} empty when none), why it cannot be replayed, and
 * the correlation id of the request that brought it (empty when none).
 */
public record NotificationDetails(String id, String provider, String providerName, String channel, String key,
                                  Instant receivedAt, String verification, String verificationFailure, String status,
                                  String statusReason, int attempts, int maxAttempts, Instant lastAttemptAt,
                                  String transactionId, Map<String, String> maskedHeaders, String prettyBody,
                                  int bodyBytes, String replayNote, boolean personalDataMasked, String correlationId) {

    public NotificationDetails {
        maskedHeaders = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(maskedHeaders));
    }
}
