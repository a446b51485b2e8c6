package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.Objects;

/**
 * A note to add to a Saleor order (e.g. "Successfully reported fulfillment for tracking number
 * X"), sent after the webhook that caused it was answered. Saleor calls are bounded; a note
 * Saleor does not take is tried a few times, then kept as FAILED with the warning for staff.
 */
public final class OrderNote extends SaleorCall<OrderNote.Status> {

    public enum Status { PENDING, SENT, FAILED }

    public static final int MAX_ATTEMPTS = 3;
    static final int MAX_TEXT = 1000;

    private final String orderId;
    private final String message;
    private String warning;

    public OrderNote(String id, String apiUrl, ProviderId provider, String orderId, String message, Status status,
                     int attempts, String warning, Instant createdAt, Instant updatedAt) {
        super(id, apiUrl, provider, status, attempts, createdAt, updatedAt);
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.message = cut(Objects.requireNonNull(message, "message"));
        this.warning = warning;
    }

    public static OrderNote toSend(String id, String apiUrl, ProviderId provider, String orderId, String message,
                                   Instant at) {
        return new OrderNote(id, apiUrl, provider, orderId, message, Status.PENDING, 0, null, at, at);
    }

    public void sent(Instant at) {
        attempted(at);
        status(Status.SENT);
        warning = null;
    }

    /** Saleor did not take the note; after {@link #MAX_ATTEMPTS} the note is given up (FAILED). */
    public void notTaken(String why, Instant at) {
        int attempts = attempted(at);
        warning = cut(why == null ? "unknown" : why);
        status(attempts >= MAX_ATTEMPTS ? Status.FAILED : Status.PENDING);
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    public String orderId() { return orderId; }
    public String message() { return message; }
    public String warning() { return warning; }
}
