package dev.payhooks.domain.inbound;

import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.List;

/** When a merchant's provider notifications arrived, for its activity charts. The caller owns the transaction. */
public interface InboundActivity {

    /** One stored notification: its provider and when it arrived. */
    record Arrival(ProviderId provider, Instant receivedAt) { }

    /** The merchant's notifications received at or after {@code since}, newest first, at most {@code max}. */
    List<Arrival> since(String merchantId, Instant since, int max);
}
